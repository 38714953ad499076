/**
 * Use cases for the organ's 管理员: staff accounts (create with a one-time password, change role, reset the password,
 * disable) and the organ's columns (add own columns, rename, order). Every change is audited.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ColumnRow, StaffRole, StaffUser } from '../../core/entities.js';
import { hashPassword } from '../../adapters/security/password-hasher.js';
import { authorize } from '../policies/authorize.js';
import { canManageStaff } from '../policies/admin-policy.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { ensureCatalogue } from '../publication/items.js';

function requireAdmin(user: StaffUser): void {
  authorize(user, canManageStaff, undefined);
}

const userSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: '用户名为3–32位小写字母、数字、点、横线或下划线' }),
  displayName: z.string().trim().min(2, { error: '请填写姓名' }).max(30),
  role: z.enum(['clerk', 'head', 'admin'], { error: '请选择角色' }),
});

export function newPassword(): string {
  return randomBytes(9).toString('base64url');
}

export async function createStaff(
  deps: AppDeps,
  admin: StaffUser,
  input: unknown,
  ip: string,
): Promise<{ user: StaffUser; password: string }> {
  requireAdmin(admin);
  const r = userSchema.safeParse(input);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const i of r.error.issues) fields[String(i.path[0])] ??= i.message;
    throw new AppError('form_invalid', '账号信息有误', 'invalid', fields);
  }
  if (await deps.store.users.findByUsername(r.data.username))
    throw new AppError('form_invalid', '账号信息有误', 'invalid', { username: '该用户名已被使用' });
  const password = newPassword();
  const user: StaffUser = {
    id: `u-${randomBytes(6).toString('hex')}`,
    organId: admin.organId,
    username: r.data.username,
    displayName: r.data.displayName,
    role: r.data.role as StaffRole,
    passwordHash: await hashPassword(password),
    failedLogins: 0,
    lockedUntil: null,
    mustChangePassword: true,
    disabled: false,
  };
  await deps.store.transaction(async (tx) => {
    await tx.users.create(user);
    await audit(tx, deps.now(), {
      organId: admin.organId,
      userId: admin.id,
      role: admin.role,
      action: 'staff.create',
      ip,
      detail: { user: user.username, role: user.role },
    });
  });
  return { user, password };
}

/** Changes a colleague's role, disables/enables, or resets the password (returned once). */
export async function changeStaff(
  deps: AppDeps,
  admin: StaffUser,
  userId: string,
  change: 'role' | 'disable' | 'enable' | 'reset',
  role: string | undefined,
  ip: string,
): Promise<string | null> {
  requireAdmin(admin);
  const u = await deps.store.users.find(userId);
  if (!u || u.organId !== admin.organId) throw new AppError('user_not_found', '找不到该账号', 'not_found');
  if (u.id === admin.id && change !== 'reset')
    throw new AppError('self_change', '不能修改自己的角色或停用自己', 'conflict');
  let password: string | null = null;
  if (change === 'role') {
    if (!['clerk', 'head', 'admin'].includes(role ?? ''))
      throw new AppError('form_invalid', '角色无效', 'invalid', { role: '请选择角色' });
    await deps.store.users.update(u.id, { role: role as StaffRole });
  } else if (change === 'disable' || change === 'enable') {
    await deps.store.users.update(u.id, { disabled: change === 'disable' });
  } else {
    password = newPassword();
    await deps.store.users.update(u.id, {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
  }
  // a new password, another role or a disabled account: whoever holds an old session must log in again
  await deps.store.sessions.deleteForUser(u.id);
  await audit(deps.store, deps.now(), {
    organId: admin.organId,
    userId: admin.id,
    role: admin.role,
    action: `staff.${change}`,
    ip,
    detail: { user: u.username, ...(role ? { role } : {}) },
  });
  return password;
}

const columnSchema = z.object({
  name: z.string().trim().min(2, { error: '栏目名称至少2个字' }).max(40, { error: '栏目名称不超过40个字' }),
  parentKey: z.string().optional().default(''),
});

export async function addColumn(
  deps: AppDeps,
  admin: StaffUser,
  input: unknown,
  ip: string,
): Promise<ColumnRow> {
  requireAdmin(admin);
  const organ = (await deps.store.organs.find(admin.organId))!;
  const cols = await ensureCatalogue(deps, organ);
  const r = columnSchema.safeParse(input);
  if (!r.success)
    throw new AppError('form_invalid', '栏目信息有误', 'invalid', { name: r.error.issues[0]!.message });
  const parent = r.data.parentKey ? cols.find((c) => c.key === r.data.parentKey) : undefined;
  if (r.data.parentKey && !parent)
    throw new AppError('form_invalid', '上级栏目无效', 'invalid', { parentKey: '上级栏目无效' });
  const key = `own-${randomBytes(3).toString('hex')}`;
  const col: ColumnRow = {
    id: `${organ.id}:${key}`,
    organId: organ.id,
    key,
    parentId: parent?.id ?? null,
    name: r.data.name,
    kind: parent?.kind === 'statutory' ? 'statutory' : 'own',
    article: null,
    sort: Math.max(0, ...cols.map((c) => c.sort)) + 1,
  };
  await deps.store.transaction(async (tx) => {
    await tx.publication.columns.createMany([col]);
    await audit(tx, deps.now(), {
      organId: organ.id,
      userId: admin.id,
      role: admin.role,
      action: 'column.add',
      ip,
      detail: { name: col.name },
    });
  });
  return col;
}

export async function renameColumn(
  deps: AppDeps,
  admin: StaffUser,
  columnId: string,
  name: string,
  sort: number | undefined,
  ip: string,
): Promise<void> {
  requireAdmin(admin);
  const col = await deps.store.publication.columns.find(columnId);
  if (!col || col.organId !== admin.organId)
    throw new AppError('column_not_found', '找不到该栏目', 'not_found');
  if (['guide', 'rules', 'statutory', 'reports'].includes(col.key))
    throw new AppError('column_fixed', '四个统一栏目的名称不能修改（国办公开办函〔2019〕61号）', 'conflict');
  const r = columnSchema.safeParse({ name });
  if (!r.success)
    throw new AppError('form_invalid', '栏目信息有误', 'invalid', { name: r.error.issues[0]!.message });
  await deps.store.publication.columns.update(col.id, {
    name: r.data.name,
    ...(sort !== undefined && Number.isInteger(sort) ? { sort } : {}),
  });
  await audit(deps.store, deps.now(), {
    organId: admin.organId,
    userId: admin.id,
    role: admin.role,
    action: 'column.rename',
    ip,
    detail: { column: col.key },
  });
}

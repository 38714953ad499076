/**
 * Use cases for the installation's operator (the command line, before anyone can log in): add the organs of the
 * platform — a county government, its departments and townships — and their first accounts. Each organ's
 * 管理员 then maintains its own data, staff and columns in the web app. Every step is audited as 系统.
 */
import { z } from 'zod';
import type { Organ, StaffRole, StaffUser } from '../../core/entities.js';
import { DEFAULT_INDEX_PATTERN } from '../../core/publication/item-model.js';
import { hashPassword } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { newPassword } from './staff.js';
import { ensureCatalogue } from '../publication/items.js';
import { subtreeIds } from '../policies/case-policy.js';

const organSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { error: '机关标识为2–40位小写字母、数字或横线（用于网址）' }),
  name: z.string().trim().min(2, { error: '请填写机关全称' }).max(60),
  code: z
    .string()
    .regex(/^[A-Z0-9]{1,20}$/, { error: '机关代码为1–20位大写字母或数字（用于案件编号和索引号）' }),
  kind: z.enum(['government', 'department', 'township', 'office'], {
    error: '机关类型为 government（人民政府）、department（部门）、township（乡镇、街道）或 office',
  }),
  parent: z.string().optional(),
});

function fieldsOf(e: z.ZodError): Record<string, string> {
  const f: Record<string, string> = {};
  for (const i of e.issues) f[String(i.path[0] ?? 'form')] ??= i.message;
  return f;
}

export async function addOrgan(deps: AppDeps, input: Record<string, string | undefined>): Promise<Organ> {
  const r = organSchema.safeParse(input);
  if (!r.success) throw new AppError('form_invalid', '机关信息有误', 'invalid', fieldsOf(r.error));
  const d = r.data;
  const all = await deps.store.organs.list();
  if (all.some((o) => o.id === d.id))
    throw new AppError('form_invalid', '机关信息有误', 'invalid', { id: `机关标识“${d.id}”已存在` });
  if (all.some((o) => o.code === d.code))
    throw new AppError('form_invalid', '机关信息有误', 'invalid', { code: `机关代码“${d.code}”已被使用` });
  if (d.parent && !all.some((o) => o.id === d.parent))
    throw new AppError('form_invalid', '机关信息有误', 'invalid', { parent: `找不到上级机关“${d.parent}”` });
  if (!d.parent && all.length)
    throw new AppError('form_invalid', '机关信息有误', 'invalid', {
      parent: '平台已有机关，请用 --parent 指定上级机关',
    });
  const organ: Organ = {
    id: d.id,
    parentId: d.parent ?? null,
    name: d.name,
    code: d.code,
    kind: d.kind,
    officeName: `${d.name}政府信息公开工作机构`,
    sealName: d.name,
    address: '（请管理员填写）',
    postcode: '000000',
    phone: '（请管理员填写）',
    hours: '工作日',
    email: 'gk@example.gov.cn',
    indexPattern: DEFAULT_INDEX_PATTERN,
    reportDeadline: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.organs.create(organ);
    await audit(tx, deps.now(), {
      organId: organ.id,
      userId: null,
      role: 'system',
      action: 'organ.create',
      ip: 'cli',
      detail: { name: organ.name, parent: organ.parentId },
    });
  });
  await ensureCatalogue(deps, organ);
  return organ;
}

/** The 管理员 of an organ adds an organ below it (a new department or township); its first account follows. */
export async function addSubordinateOrgan(
  deps: AppDeps,
  admin: StaffUser,
  input: Record<string, string | undefined>,
  ip: string,
): Promise<Organ> {
  if (admin.role !== 'admin') throw new AppError('forbidden', '只有管理员可以增加所属机关', 'forbidden');
  const tree = subtreeIds(admin.organId, await deps.store.organs.list());
  const parent = input.parent || admin.organId;
  if (!tree.includes(parent))
    throw new AppError('form_invalid', '机关信息有误', 'invalid', {
      parent: '上级机关只能是本机关或本机关的所属机关',
    });
  const organ = await addOrgan(deps, { ...input, parent });
  await audit(deps.store, deps.now(), {
    organId: admin.organId,
    userId: admin.id,
    role: admin.role,
    action: 'organ.create',
    ip,
    detail: { organ: organ.id },
  });
  return organ;
}

/** Checks a first administrator's username and name before anything is written (so a bad one writes nothing). */
export async function checkNewAdmin(
  deps: AppDeps,
  username: string,
  displayName: string,
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const u = userSchema.shape.username.safeParse(username);
  const n = userSchema.shape.displayName.safeParse(displayName);
  if (!u.success) fields.adminUsername = u.error.issues[0]!.message;
  else if (await deps.store.users.findByUsername(u.data)) fields.adminUsername = `用户名“${u.data}”已存在`;
  if (!n.success) fields.adminName = n.error.issues[0]!.message;
  return fields;
}

const userSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: '用户名为3–32位小写字母、数字、点、横线或下划线' }),
  displayName: z.string().trim().min(2, { error: '请填写姓名' }).max(30),
  role: z.enum(['clerk', 'head', 'admin', 'supervisor'], {
    error:
      '角色为 admin（管理员）、clerk（经办人）、head（审核人/负责人）或 supervisor（上级主管部门，只读）',
  }),
  organ: z.string().min(1, { error: '请用 --organ 指定机关' }),
});

/** A first account (usually the organ's 管理员); returns the one-time initial password. */
export async function addUser(
  deps: AppDeps,
  input: Record<string, string | undefined>,
): Promise<{ user: StaffUser; password: string }> {
  const r = userSchema.safeParse(input);
  if (!r.success) throw new AppError('form_invalid', '账号信息有误', 'invalid', fieldsOf(r.error));
  const d = r.data;
  if (!(await deps.store.organs.find(d.organ)))
    throw new AppError('form_invalid', '账号信息有误', 'invalid', { organ: `找不到机关“${d.organ}”` });
  if (await deps.store.users.findByUsername(d.username))
    throw new AppError('form_invalid', '账号信息有误', 'invalid', {
      username: `用户名“${d.username}”已存在`,
    });
  const password = newPassword();
  const user: StaffUser = {
    id: `u-${d.username}`,
    organId: d.organ,
    username: d.username,
    displayName: d.displayName,
    role: d.role as StaffRole,
    passwordHash: await hashPassword(password),
    failedLogins: 0,
    lockedUntil: null,
    mustChangePassword: true,
    disabled: false,
  };
  await deps.store.transaction(async (tx) => {
    await tx.users.create(user);
    await audit(tx, deps.now(), {
      organId: d.organ,
      userId: null,
      role: 'system',
      action: 'staff.create',
      ip: 'cli',
      detail: { user: d.username, role: d.role },
    });
  });
  return { user, password };
}

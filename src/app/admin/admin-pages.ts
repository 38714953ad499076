/**
 * What the administration pages show: the staff list with API tokens, the 年报 deadlines of the organ and its
 * subordinates (条例第四十九条), adding a subordinate organ with its first 管理员, and the organ's settings.
 */
import type { Organ, StaffUser } from '../../core/entities.js';
import { reportDeadline } from '../../core/annual-report/report-deadline.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { authorize } from '../policies/authorize.js';
import { canEditOrgan, canManageStaff } from '../policies/admin-policy.js';
import { listApiTokens } from '../auth/api-tokens.js';
import { subordinateOrgans } from '../organs/report-deadlines.js';
import { addSubordinateOrgan, addUser, checkNewAdmin } from './bootstrap.js';
import { ensureCatalogue } from '../publication/items.js';

/** The organ's staff accounts and API tokens. */
export async function staffView(deps: AppDeps, admin: StaffUser) {
  authorize(admin, canManageStaff, undefined);
  return {
    staff: await deps.store.users.listByOrgan(admin.organId),
    tokens: await listApiTokens(deps, admin),
  };
}

/** A staff account by id (the page names it after a password reset). */
export async function findStaff(deps: AppDeps, admin: StaffUser, id: string): Promise<StaffUser | undefined> {
  authorize(admin, canManageStaff, undefined);
  const u = await deps.store.users.find(id);
  return u && u.organId === admin.organId ? u : undefined;
}

/** This year's 年报 deadline of the organ and of every organ below it (none when it has none). */
export async function deadlinesView(deps: AppDeps, admin: StaffUser) {
  authorize(admin, canManageStaff, undefined);
  const year = Number(today(deps).slice(0, 4));
  const own = (await deps.store.organs.find(admin.organId))!;
  const below = await subordinateOrgans(deps, admin).catch((e: unknown) => {
    if (e instanceof AppError && e.kind === 'forbidden') return [] as Organ[];
    throw e;
  });
  return {
    own,
    ownDeadline: reportDeadline(own, year).slice(5),
    organs: below.map((o) => ({ organ: o, deadline: reportDeadline(o, year) })),
  };
}

/** Adds a subordinate organ and, when asked, its first 管理员 (nothing is written if either is invalid). */
export async function addSubordinateWithAdmin(
  deps: AppDeps,
  admin: StaffUser,
  f: Record<string, string | undefined>,
  ip: string,
): Promise<{ organ: Organ; first: { user: StaffUser; password: string } | null }> {
  const username = f.adminUsername?.trim() ?? '';
  const name = f.adminName?.trim() ?? '';
  const wantsAdmin = !!(username || name);
  const adminFields = wantsAdmin ? await checkNewAdmin(deps, username, name) : {};
  if (Object.keys(adminFields).length)
    throw new AppError('form_invalid', '管理员账号有误', 'invalid', adminFields);
  const input = {
    id: f.id,
    name: f.name,
    code: (f.code ?? '').trim().toUpperCase(),
    kind: f.kind,
    parent: f.parent,
  };
  const organ = await addSubordinateOrgan(deps, admin, input, ip);
  const first = wantsAdmin
    ? await addUser(deps, { username, organ: organ.id, displayName: name, role: 'admin' })
    : null;
  return { organ, first };
}

/** The organ's own data, for its 管理员. */
export async function organSettings(deps: AppDeps, admin: StaffUser): Promise<Organ> {
  authorize(admin, canEditOrgan, undefined);
  return (await deps.store.organs.find(admin.organId))!;
}

/** The organ's columns, for its 管理员 to add, rename and order. */
export async function columnsView(deps: AppDeps, admin: StaffUser) {
  authorize(admin, canManageStaff, undefined);
  return ensureCatalogue(deps, (await deps.store.organs.find(admin.organId))!);
}

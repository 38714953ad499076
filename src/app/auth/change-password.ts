/**
 * Use case: a staff member changes their own password (required at the first login of a new account and after a
 * reset). Every session of the account ends; the browser that changed it gets a new one.
 */
import type { StaffUser } from '../../core/entities.js';
import { hashPassword, hmac, randomToken, verifyPassword } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { ABSOLUTE_HOURS } from './sessions.js';

export const MIN_PASSWORD_LENGTH = 10;

/** What is wrong with a new password, per field (empty when it is acceptable). */
export function passwordProblems(user: StaffUser, next: string, confirm: string): Record<string, string> {
  const f: Record<string, string> = {};
  if ([...next].length < MIN_PASSWORD_LENGTH) f.next = `新密码至少${MIN_PASSWORD_LENGTH}个字符`;
  else if (!/[A-Za-z]/.test(next) || !/\d/.test(next)) f.next = '新密码须同时含有字母和数字';
  else if (next.toLowerCase().includes(user.username.toLowerCase())) f.next = '新密码不能包含用户名';
  if (!f.next && next !== confirm) f.confirm = '两次输入的新密码不一致';
  return f;
}

export async function changeOwnPassword(
  deps: AppDeps,
  user: StaffUser,
  input: { current: string; next: string; confirm: string },
  ip: string,
): Promise<{ token: string }> {
  const fields: Record<string, string> = {};
  if (!(await verifyPassword(input.current, user.passwordHash))) fields.current = '当前密码不正确';
  Object.assign(fields, passwordProblems(user, input.next, input.confirm));
  if (!fields.next && input.next === input.current) fields.next = '新密码不能与当前密码相同';
  if (Object.keys(fields).length) throw new AppError('form_invalid', '密码未修改', 'invalid', fields);
  const now = deps.now();
  const token = randomToken();
  await deps.store.transaction(async (tx) => {
    await tx.users.update(user.id, {
      passwordHash: await hashPassword(input.next),
      mustChangePassword: false,
    });
    // whoever held a session with the old password is logged out; this browser continues with a new one
    await tx.sessions.deleteForUser(user.id);
    await tx.sessions.create({
      id: hmac(deps.secret, token),
      userId: user.id,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ABSOLUTE_HOURS * 3600000).toISOString(),
    });
    await audit(tx, now, {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: 'staff.password_changed',
      ip,
    });
  });
  return { token };
}

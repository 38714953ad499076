/**
 * Staff login and sessions: scrypt passwords, lockout after repeated failures, idle and absolute timeouts.
 * Sessions live in the database, so the web process keeps no state of its own.
 */
import type { StaffUser } from '../../core/entities.js';
import { hmac, randomToken, verifyPassword } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;

/** Checks the password; returns a new session token (the cookie value) or throws a Chinese message. */
export async function login(
  deps: AppDeps,
  username: string,
  password: string,
  ip: string,
): Promise<{ token: string; user: StaffUser }> {
  const now = deps.now();
  const user = await deps.store.users.findByUsername(String(username ?? '').trim());
  const fail = new AppError('login_failed', '用户名或密码不正确', 'unauthenticated');
  if (!user || user.disabled) {
    await verifyPassword(
      String(password),
      'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    throw fail;
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    await audit(deps.store, now, {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: 'login.locked',
      ip,
    });
    throw new AppError(
      'login_locked',
      `登录失败次数过多，账号已锁定，请于${LOCKOUT_MINUTES}分钟后再试`,
      'locked',
    );
  }
  if (!(await verifyPassword(String(password ?? ''), user.passwordHash))) {
    const n = user.failedLogins + 1;
    const lock =
      n >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60000).toISOString() : null;
    await deps.store.users.setLoginState(user.id, lock ? 0 : n, lock);
    await audit(deps.store, now, {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: lock ? 'login.lockout' : 'login.failed',
      ip,
    });
    if (lock)
      throw new AppError('login_locked', `登录失败次数过多，账号已锁定${LOCKOUT_MINUTES}分钟`, 'locked');
    throw fail;
  }
  await deps.store.users.setLoginState(user.id, 0, null);
  const token = randomToken();
  await deps.store.sessions.create({
    id: hmac(deps.secret, token),
    userId: user.id,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ABSOLUTE_HOURS * 3600000).toISOString(),
  });
  await audit(deps.store, now, {
    organId: user.organId,
    userId: user.id,
    role: user.role,
    action: 'login',
    ip,
  });
  return { token, user };
}

/** The user of a session token, or null when absent, expired or idle too long (the session is then deleted). */
export async function sessionUser(deps: AppDeps, token: string | undefined): Promise<StaffUser | null> {
  if (!token) return null;
  const id = hmac(deps.secret, token);
  const s = await deps.store.sessions.find(id);
  if (!s) return null;
  const now = deps.now();
  const idleLimit = new Date(new Date(s.lastSeenAt).getTime() + IDLE_MINUTES * 60000);
  if (now.toISOString() > s.expiresAt || now > idleLimit) {
    await deps.store.sessions.delete(id);
    return null;
  }
  if (now.getTime() - new Date(s.lastSeenAt).getTime() > 60000)
    await deps.store.sessions.touch(id, now.toISOString());
  const user = await deps.store.users.find(s.userId);
  return user && !user.disabled ? user : null;
}

export async function logout(
  deps: AppDeps,
  token: string | undefined,
  user: StaffUser | null,
  ip: string,
): Promise<void> {
  if (token) await deps.store.sessions.delete(hmac(deps.secret, token));
  if (user)
    await audit(deps.store, deps.now(), {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: 'logout',
      ip,
    });
}

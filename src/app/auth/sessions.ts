/**
 * Staff login and sessions: scrypt passwords, lockout after repeated failures, idle and absolute timeouts.
 * Sessions live in the database, so the web process keeps no state of its own.
 */
import type { StaffUser } from '../../core/entities.js';
import { hmac, randomToken, safeEqual, verifyPassword } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';

/** Failures a client may make on one account before it has to wait. */
export const FREE_FAILURES = 5;
/** The longest wait a client is given (minutes). */
export const MAX_BACKOFF_MINUTES = 60;
/** Failures on one account from all clients within the window that make unknown clients wait too. */
export const ACCOUNT_ALARM_FAILURES = 50;
export const ACCOUNT_ALARM_MINUTES = 15;
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;

/** The one answer to every failed login: wrong password, unknown account, disabled account or a client waiting. */
export const LOGIN_REFUSED = '用户名或密码不正确；连续输错后需等待一段时间再试';

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Minutes a client waits after its n-th failure on an account: none up to FREE_FAILURES, then 1, 2, 4 … 60. */
export function backoffMinutes(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_MINUTES, 2 ** (failures - FREE_FAILURES));
}

/** Where a login comes from: the client address and, if the browser has one, its device token for the account. */
export interface LoginClient {
  ip: string;
  /** the value of the device cookie a successful login set on this browser */
  device?: string | undefined;
}

/** The device token a browser gets after a successful login: it lets that browser in while others are throttled. */
export function deviceToken(deps: AppDeps, user: StaffUser): string {
  return hmac(deps.secret, `device:${user.id}`);
}

/**
 * Checks the password; returns a new session token (the cookie value) or refuses, always with the same message
 * after the same work (scrypt runs for an unknown account too), so that accounts cannot be told apart.
 *
 * Lockout cannot be turned into denial of service: failures are counted per account and client (the device
 * cookie of a browser that logged in before, else the address), atomically, and a client that failed too often
 * waits with a growing backoff; the account's owner on a known browser is not affected. Only when an account sees
 * ACCOUNT_ALARM_FAILURES within ACCOUNT_ALARM_MINUTES must unknown browsers wait too. Every failure is audited.
 */
export async function login(
  deps: AppDeps,
  username: string,
  password: string,
  client: LoginClient,
): Promise<{ token: string; user: StaffUser; device: string }> {
  const now = deps.now();
  const name = String(username ?? '')
    .trim()
    .toLowerCase()
    .slice(0, 64);
  const user = name ? await deps.store.users.findByUsername(name) : undefined;
  const known = !!user && !!client.device && safeEqual(client.device, deviceToken(deps, user));
  const clientKey = known ? `device:${client.device!.slice(0, 16)}` : `ip:${client.ip}`;
  const mine = await deps.store.loginFailures.find(name, clientKey);
  const waitUntil = mine ? new Date(mine.lastAt).getTime() + backoffMinutes(mine.failures) * 60000 : 0;
  const alarm =
    !known &&
    (await deps.store.loginFailures.recent(
      name,
      new Date(now.getTime() - ACCOUNT_ALARM_MINUTES * 60000).toISOString(),
    )) >= ACCOUNT_ALARM_FAILURES;
  const passwordOk = await verifyPassword(String(password ?? ''), user?.passwordHash ?? DUMMY_HASH);
  const throttled = now.getTime() < waitUntil || alarm;
  if (!user || user.disabled || !passwordOk || throttled) {
    const failures = await deps.store.loginFailures.record(name, clientKey, now.toISOString());
    await audit(deps.store, now, {
      organId: user?.organId ?? null,
      userId: user?.id ?? null,
      role: user?.role ?? 'anonymous',
      action: throttled ? 'login.throttled' : 'login.failed',
      ip: client.ip,
      detail: {
        ...(user ? {} : { username: maskUsername(name) }),
        failures,
        waitMinutes: backoffMinutes(failures),
      },
    });
    throw new AppError('login_failed', LOGIN_REFUSED, 'unauthenticated');
  }
  await deps.store.loginFailures.clear(name, clientKey);
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
    ip: client.ip,
  });
  return { token, user, device: deviceToken(deps, user) };
}

/** An unknown username in the audit log: enough to see a pattern, not a password typed into the wrong field. */
function maskUsername(s: string): string {
  return s.length <= 3 ? `${s.slice(0, 1)}**` : `${s.slice(0, 3)}${'*'.repeat(Math.min(8, s.length - 3))}`;
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

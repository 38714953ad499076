/**
 * Use cases: tokens for the staff JSON API. The organ's 管理员 issues a token for one of its staff (shown once;
 * only its HMAC is stored) and revokes it; a request bearing a token acts as that staff member, with the same
 * organ scope and role checks as the web pages. Every issue, revocation and use is audited.
 */
import { randomBytes } from 'node:crypto';
import type { ApiToken, StaffUser } from '../../core/entities.js';
import { hmac, randomToken } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';

const PREFIX = 'gk_';

export async function issueApiToken(
  deps: AppDeps,
  admin: StaffUser,
  input: { userId?: string; name?: string },
  ip: string,
): Promise<{ token: string; row: ApiToken }> {
  if (admin.role !== 'admin') throw new AppError('forbidden', '只有管理员可以签发接口令牌', 'forbidden');
  const fields: Record<string, string> = {};
  const name = String(input.name ?? '').trim();
  if (name.length < 2 || name.length > 40) fields.name = '请填写令牌用途（2–40个字）';
  const user = input.userId ? await deps.store.users.find(String(input.userId)) : undefined;
  if (!user || user.organId !== admin.organId || user.disabled) fields.userId = '请选择本机关的在用账号';
  if (Object.keys(fields).length)
    throw new AppError('form_invalid', '接口令牌有需要修改的地方', 'invalid', fields);
  const token = `${PREFIX}${randomToken(32)}`;
  const row: ApiToken = {
    id: randomBytes(6).toString('hex'),
    tokenHash: hmac(deps.secret, token),
    userId: user!.id,
    organId: admin.organId,
    name,
    createdAt: deps.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.apiTokens.create(row);
    await audit(tx, deps.now(), {
      organId: admin.organId,
      userId: admin.id,
      role: admin.role,
      action: 'api_token.issue',
      ip,
      detail: { token: row.id, for: user!.username, name },
    });
  });
  return { token, row };
}

export async function revokeApiToken(deps: AppDeps, admin: StaffUser, id: string, ip: string): Promise<void> {
  if (admin.role !== 'admin') throw new AppError('forbidden', '只有管理员可以吊销接口令牌', 'forbidden');
  const ok = await deps.store.transaction(async (tx) => {
    const done = await tx.apiTokens.revoke(id, admin.organId, deps.now().toISOString());
    if (done)
      await audit(tx, deps.now(), {
        organId: admin.organId,
        userId: admin.id,
        role: admin.role,
        action: 'api_token.revoke',
        ip,
        detail: { token: id },
      });
    return done;
  });
  if (!ok) throw new AppError('token_not_found', '找不到该令牌，或已吊销', 'not_found');
}

export async function listApiTokens(deps: AppDeps, admin: StaffUser): Promise<ApiToken[]> {
  if (admin.role !== 'admin') throw new AppError('forbidden', '只有管理员可以查看接口令牌', 'forbidden');
  return deps.store.apiTokens.listForOrgan(admin.organId);
}

/** The staff member a bearer token acts as, or null (unknown, revoked, or the account disabled). */
export async function apiTokenUser(
  deps: AppDeps,
  token: string | undefined,
): Promise<{ user: StaffUser; tokenId: string } | null> {
  if (!token || !token.startsWith(PREFIX) || token.length > 100) return null;
  const t = await deps.store.apiTokens.findByHash(hmac(deps.secret, token));
  if (!t || t.revokedAt) return null;
  const user = await deps.store.users.find(t.userId);
  if (!user || user.disabled || user.organId !== t.organId) return null;
  const now = deps.now();
  if (!t.lastUsedAt || now.getTime() - new Date(t.lastUsedAt).getTime() > 60000)
    await deps.store.apiTokens.touch(t.id, now.toISOString());
  return { user, tokenId: t.id };
}

/**
 * Use case: a supervising jurisdiction's 管理员 (an organ with subordinate organs) sets the 年报 deadline of each
 * organ below it. 条例第四十九条 fixes only 县级以上 bodies' dates; townships' are set locally. Blank: the default.
 */
import type { Organ, StaffUser } from '../../core/entities.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { authorize } from '../policies/authorize.js';
import { canSetReportDeadlines } from '../policies/admin-policy.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { subtreeIds } from '../policies/case-policy.js';

/** The organs below the admin's organ (its whole subtree, not itself). */
export async function subordinateOrgans(deps: AppDeps, admin: StaffUser): Promise<Organ[]> {
  authorize(admin, canSetReportDeadlines, undefined);
  const organs = await deps.store.organs.list();
  const ids = subtreeIds(admin.organId, organs);
  const below = organs.filter((o) => ids.includes(o.id) && o.id !== admin.organId);
  if (!below.length) throw new AppError('forbidden', '本机关没有所属机关，年报期限由上级设置', 'forbidden');
  return below;
}

/** `values`: organ id → MM-DD or blank. All or nothing; each bad value named by its organ. */
export async function setReportDeadlines(
  deps: AppDeps,
  admin: StaffUser,
  values: Record<string, string>,
  ip: string,
): Promise<Organ[]> {
  const below = await subordinateOrgans(deps, admin);
  const fields: Record<string, string> = {};
  const next: Organ[] = [];
  for (const o of below) {
    const raw = (values[o.id] ?? '')
      .trim()
      .replace(
        /^(\d{1,2})[-/.月](\d{1,2})日?$/,
        (_, m: string, d: string) => `${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
      );
    if (raw && !(/^\d{2}-\d{2}$/.test(raw) && isIsoDate(`2023-${raw}`))) {
      fields[o.id] = `${o.name}：请填写真实的月日，如 02-20（2月29日不可用）`;
      continue;
    }
    const v = raw || null;
    if (v !== o.reportDeadline) next.push({ ...o, reportDeadline: v });
  }
  if (Object.keys(fields).length)
    throw new AppError('form_invalid', '年报期限有需要修改的地方', 'invalid', fields);
  await deps.store.transaction(async (tx) => {
    for (const o of next) await tx.organs.update(o);
    if (next.length)
      await audit(tx, deps.now(), {
        organId: admin.organId,
        userId: admin.id,
        role: admin.role,
        action: 'organ.report_deadline',
        ip,
        detail: { changed: next.map((o) => `${o.id}=${o.reportDeadline ?? '默认'}`) },
      });
  });
  return subordinateOrgans(deps, admin);
}

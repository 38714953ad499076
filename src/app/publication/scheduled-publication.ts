/**
 * Scheduled publication at its minute (定时发布): a publication with a time of day goes on the job queue, to run at
 * that minute as the staff member who scheduled it. It is checked then like any publication — the same version,
 * its 保密审查 and approval (条例第十七条) — so an item revised, withdrawn or already published meanwhile is not
 * published, and the staff member is told in the bell. Without a time, a date keeps the item from the public until
 * that day (core/publication/public-now.ts).
 */
import type { StaffUser } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { audit } from '../audit.js';

export const PUBLISH_TASK = 'item.publish';

/** The instant of `day` at `time` (HH:MM, China Standard Time) when it is still to come; null otherwise. */
export function publishInstant(day: string, time: string | undefined, now: Date): Date | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec((time ?? '').trim());
  if (!time?.trim()) return null;
  if (!m)
    throw new AppError('form_invalid', '发布时间无效', 'invalid', { publishTime: '请填写时:分，如 09:30' });
  const at = new Date(`${day}T${m[1]!.padStart(2, '0')}:${m[2]}:00+08:00`);
  return at.getTime() > now.getTime() ? at : null;
}

export async function schedulePublication(
  tx: Store,
  deps: AppDeps,
  user: StaffUser,
  organId: string,
  itemId: string,
  version: number,
  at: Date,
  ip: string,
): Promise<void> {
  await tx.jobs.enqueue({
    task: PUBLISH_TASK,
    payload: { item: itemId, version, user: user.id },
    key: `${PUBLISH_TASK}:${itemId}:${version}`,
    runAt: at.toISOString(),
    maxAttempts: 5,
  });
  await audit(tx, deps.now(), {
    organId,
    userId: user.id,
    role: user.role,
    action: 'item.publish_scheduled',
    ip,
    detail: { item: itemId, version, at: at.toISOString() },
  });
}

/** The `item.publish` job: publishes the scheduled version now, or tells the staff member why it did not. */
export function publicationTasks(
  deps: AppDeps,
  publish: (user: StaffUser, itemId: string, form: Record<string, string>) => Promise<void>,
) {
  return {
    [PUBLISH_TASK]: async (payload: Record<string, unknown>) => {
      const user = await deps.store.users.find(String(payload.user ?? ''));
      const itemId = String(payload.item ?? '');
      if (!user || user.disabled) return;
      const item = await deps.store.publication.items.find(itemId);
      if (!item || item.version !== Number(payload.version)) {
        await tell(deps, user, itemId, '该信息在定时发布前已修订或删除，未发布');
        return;
      }
      try {
        await publish(user, itemId, { publishOn: today(deps) });
      } catch (e) {
        if (!(e instanceof AppError) || e.kind === 'unavailable') throw e;
        await tell(deps, user, itemId, e.message);
      }
    },
  };
}

async function tell(deps: AppDeps, user: StaffUser, itemId: string, why: string) {
  await deps.store.staffNotices.add({
    id: `publish:${itemId}:${deps.now().toISOString()}`,
    userId: user.id,
    organId: user.organId,
    kind: 'digest',
    title: '定时发布未执行',
    body: why,
    link: `/admin/items/${itemId}`,
    createdAt: deps.now().toISOString(),
    readAt: null,
  });
}

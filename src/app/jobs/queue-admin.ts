/**
 * Use cases: the job queue as the platform administrator (管理员 of the top organ) and the command line see it —
 * counts, the oldest waiting job, the dead-letter list (jobs whose every attempt failed), retry and purge — and the
 * notices sent, for the organ's staff (the demo's outbox: what the demo would have mailed).
 */
import type { StaffUser } from '../../core/entities.js';
import type { QueuedJob } from '../../core/ports.js';
import type { Notice } from '../../core/notices/notice.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { authorize } from '../policies/authorize.js';
import { canOperateQueue } from '../policies/admin-policy.js';
import { visibleOrganIds } from '../policies/case-policy.js';

export interface QueueOverview {
  waiting: number;
  failed: number;
  oldestWaitingSince: string | null;
  jobs: QueuedJob[];
}

export async function queueOverview(deps: AppDeps, o: { failedOnly?: boolean; limit?: number } = {}) {
  const [counts, jobs] = await Promise.all([
    deps.store.jobs.counts(),
    deps.store.jobs.list({ failedOnly: o.failedOnly ?? false, limit: o.limit ?? 100 }),
  ]);
  return { ...counts, jobs } satisfies QueueOverview;
}

/** The queue's counts and its oldest waiting job (the health endpoint; no job is read). */
export function queueCounts(deps: AppDeps) {
  return deps.store.jobs.counts();
}

async function asOperator(deps: AppDeps, user: StaffUser) {
  authorize(user, canOperateQueue, await deps.store.organs.find(user.organId));
}

export async function queueForAdmin(deps: AppDeps, user: StaffUser): Promise<QueueOverview> {
  await asOperator(deps, user);
  return queueOverview(deps, { failedOnly: true });
}

/** Runs a failed job again now (audited when a staff member does it). */
export async function retryJob(deps: AppDeps, id: string, by?: { user: StaffUser; ip: string }) {
  if (by) await asOperator(deps, by.user);
  if (!(await deps.store.jobs.retry(id)))
    throw new AppError('job_not_found', '找不到该失败任务', 'not_found');
  if (by)
    await audit(deps.store, deps.now(), {
      organId: by.user.organId,
      userId: by.user.id,
      role: by.user.role,
      action: 'jobs.retry',
      ip: by.ip,
      detail: { job: id },
    });
  deps.notify?.wake?.();
}

/** Removes every failed job (audited when a staff member does it); returns how many. */
export async function purgeFailedJobs(deps: AppDeps, by?: { user: StaffUser; ip: string }): Promise<number> {
  if (by) await asOperator(deps, by.user);
  const n = await deps.store.jobs.purgeFailed();
  if (by)
    await audit(deps.store, deps.now(), {
      organId: by.user.organId,
      userId: by.user.id,
      role: by.user.role,
      action: 'jobs.purge',
      ip: by.ip,
      detail: { removed: n },
    });
  return n;
}

/** The notices of the organs the user sees, newest first (the outbox). */
export async function outbox(deps: AppDeps, user: StaffUser): Promise<Notice[]> {
  const organs = await deps.store.organs.list();
  return deps.store.notices.listRecent(visibleOrganIds(user, organs), 200);
}

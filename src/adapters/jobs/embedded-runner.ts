/**
 * The embedded job runner (SQLite, one process): takes the next due job from the store's `jobs` table, runs its
 * task, deletes it when done, or records the failure and runs it again later (exponential backoff, at most one
 * hour apart) until its attempts are used up — then it stays on the dead-letter list. A job is locked for
 * `lockSeconds` while it runs: a worker killed mid-job leaves a lock that expires, and the job runs again.
 */
import { randomBytes } from 'node:crypto';
import type { QueuedJob, Store } from '../../core/ports.js';

export type TaskHandler = (
  payload: Record<string, unknown>,
  job: { id: string; attempts: number; maxAttempts: number },
) => Promise<void>;
export type TaskList = Record<string, TaskHandler>;

export interface JobRunner {
  /** stops taking jobs and waits for the running ones */
  stop(): Promise<void>;
  /** looks for due jobs now (after an enqueue in this process) */
  wake(): void;
}

export interface EmbeddedRunnerOptions {
  pollMs?: number;
  lockSeconds?: number;
  concurrency?: number;
  now?: () => Date;
  onError?: (job: QueuedJob, e: unknown) => void;
}

/** Backoff after the n-th failed attempt: 2^n seconds, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 2 ** Math.min(attempts, 12));
}

export function startEmbeddedRunner(store: Store, tasks: TaskList, o: EmbeddedRunnerOptions = {}): JobRunner {
  const worker = `w-${process.pid}-${randomBytes(4).toString('hex')}`;
  const now = o.now ?? (() => new Date());
  const pollMs = o.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  const loops: Promise<void>[] = [];

  const runOne = async (): Promise<boolean> => {
    const job = await store.jobs.claim(worker, now().toISOString(), o.lockSeconds ?? 300);
    if (!job) return false;
    const task = tasks[job.task];
    try {
      if (!task) throw new Error(`no task named ${job.task}`);
      await task(job.payload, { id: job.id, attempts: job.attempts, maxAttempts: job.maxAttempts });
      await store.jobs.complete(job.id);
    } catch (e) {
      o.onError?.(job, e);
      const last = job.attempts >= job.maxAttempts;
      const retryAt = last
        ? null
        : new Date(now().getTime() + backoffSeconds(job.attempts) * 1000).toISOString();
      await store.jobs.fail(job.id, e instanceof Error ? e.message : String(e), retryAt);
    }
    return true;
  };

  const loop = async () => {
    while (!stopped) {
      let worked = false;
      try {
        worked = await runOne();
      } catch {
        // the database did not answer: wait and try again
      }
      if (worked || stopped) continue;
      await new Promise<void>((res) => {
        wakeUp = res;
        timer = setTimeout(res, pollMs);
      });
      wakeUp = null;
    }
  };
  for (let i = 0; i < (o.concurrency ?? 1); i++) loops.push(loop());
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      (wakeUp as (() => void) | null)?.();
      await Promise.all(loops);
    },
    wake() {
      (wakeUp as (() => void) | null)?.();
    },
  };
}

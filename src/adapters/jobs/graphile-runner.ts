/**
 * The job runner on PostgreSQL: graphile-worker (ADR 0009). Every web and worker process may run one; the queue is
 * the database's, jobs are taken with SKIP LOCKED and never run twice at the same time; graphile-worker retries a
 * failed job with exponential backoff until its attempts are used up (then it stays on the dead-letter list). A
 * job locked longer than `lockSeconds` belongs to a worker that died: it is unlocked for the others.
 */
import type { JobRunner, TaskList } from './embedded-runner.js';

export async function startGraphileRunner(
  connectionString: string,
  tasks: TaskList,
  o: { concurrency?: number; pollMs?: number; lockSeconds?: number } = {},
): Promise<JobRunner> {
  const { run, Logger, makeWorkerUtils } = await import('graphile-worker');
  const taskList = Object.fromEntries(
    Object.entries(tasks).map(([name, fn]) => [
      name,
      async (payload: unknown, helpers: { job: { id: string; attempts: number; max_attempts: number } }) =>
        fn((payload ?? {}) as Record<string, unknown>, {
          id: String(helpers.job.id),
          attempts: helpers.job.attempts,
          maxAttempts: helpers.job.max_attempts,
        }),
    ]),
  );
  const runner = await run({
    connectionString,
    taskList: taskList as never,
    concurrency: o.concurrency ?? 2,
    pollInterval: o.pollMs ?? 1000,
    noHandleSignals: true,
    logger: new Logger(() => () => {}),
  });
  // a worker killed mid-job leaves its jobs locked: after `lockSeconds` (longer than any task takes) they are
  // unlocked, so another worker runs them
  const lockSeconds = o.lockSeconds ?? 300;
  const utils = await makeWorkerUtils({ connectionString, logger: new Logger(() => () => {}) });
  const unlockStale = async () => {
    try {
      const stale = await utils.withPgClient((c) =>
        c.query<{ locked_by: string }>(
          'select distinct locked_by from graphile_worker._private_jobs where locked_by is not null and locked_at < now() - make_interval(secs => $1)',
          [lockSeconds],
        ),
      );
      const ids = stale.rows.map((r) => r.locked_by);
      if (ids.length) await utils.forceUnlockWorkers(ids);
    } catch {
      // the database did not answer: the next round tries again
    }
  };
  const timer = setInterval(() => void unlockStale(), Math.max(1000, Math.min(lockSeconds * 500, 60_000)));
  timer.unref();
  void unlockStale();
  return {
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await utils.release();
    },
    wake() {
      // graphile-worker is told by LISTEN/NOTIFY when a job is added
    },
  };
}

/**
 * The job runner on PostgreSQL: graphile-worker (ADR 0009). Every web and worker process may run one; the queue is
 * the database's, jobs are taken with SKIP LOCKED and never run twice at the same time; graphile-worker retries a
 * failed job with exponential backoff until its attempts are used up (then it stays on the dead-letter list).
 */
import type { JobRunner, TaskList } from './embedded-runner.js';

export async function startGraphileRunner(
  connectionString: string,
  tasks: TaskList,
  o: { concurrency?: number; pollMs?: number } = {},
): Promise<JobRunner> {
  const { run, Logger } = await import('graphile-worker');
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
  return {
    async stop() {
      await runner.stop();
    },
    wake() {
      // graphile-worker is told by LISTEN/NOTIFY when a job is added
    },
  };
}

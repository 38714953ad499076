/**
 * Wiring for background work, shared by `gongkai serve` (a worker in-process unless WORKER=false) and
 * `gongkai worker`: the runner the store needs (graphile-worker on PostgreSQL, the embedded one on SQLite) and
 * the notice transports the configuration names (SMTP, the SMS endpoint; the demo's outbox).
 */
import type { Mailer, SmsSender, Store } from '../../core/ports.js';
import { type JobRunner, type TaskList, startEmbeddedRunner } from './embedded-runner.js';
import { startGraphileRunner } from './graphile-runner.js';
import { demoOutboxMailer, smtpMailer } from '../mail/smtp-mailer.js';
import { httpSmsSender } from '../sms/http-sms.js';

export async function startJobRunner(
  store: Store,
  databaseUrl: string | undefined,
  tasks: TaskList,
  o: {
    concurrency?: number;
    pollMs?: number;
    /** how long a running job stays locked before another worker may take it (a killed worker's) */
    lockSeconds?: number;
    onError?: (task: string, e: unknown) => void;
  } = {},
): Promise<JobRunner> {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl))
    return startGraphileRunner(databaseUrl, tasks, {
      ...(o.concurrency ? { concurrency: o.concurrency } : {}),
      ...(o.pollMs ? { pollMs: o.pollMs } : {}),
      ...(o.lockSeconds ? { lockSeconds: o.lockSeconds } : {}),
    });
  return startEmbeddedRunner(store, tasks, {
    ...(o.concurrency ? { concurrency: o.concurrency } : {}),
    ...(o.pollMs ? { pollMs: o.pollMs } : {}),
    ...(o.lockSeconds ? { lockSeconds: o.lockSeconds } : {}),
    ...(o.onError ? { onError: (j, e) => o.onError!(j.task, e) } : {}),
  });
}

export function noticeTransports(
  c: {
    smtpUrl: string | undefined;
    smtpFrom: string;
    publicUrl: string;
    sms: { url: string; secret?: string; signatureHeader: string; template?: string } | undefined;
  },
  demo: boolean,
): { mailer?: Mailer; sms?: SmsSender; from: string; publicUrl: string } {
  const mailer = c.smtpUrl ? smtpMailer(c.smtpUrl) : demo ? demoOutboxMailer() : undefined;
  return {
    ...(mailer ? { mailer } : {}),
    ...(c.sms ? { sms: httpSmsSender(c.sms) } : {}),
    from: c.smtpFrom,
    publicUrl: c.publicUrl,
  };
}

/**
 * Use cases: notices to the applicant. `queueCaseNotices` runs inside the transaction of the event that causes
 * them (record-case-event.ts, create-case.ts): a refused or rolled-back action queues nothing. One notice per
 * channel the applicant chose, each a row (its id the idempotency key) and a `notice.send` job. `deliverNotice`
 * is that job: a notice already handed to the server is never sent again; the last failed attempt puts it on the
 * dead-letter list. Every notice sent is in the audit log, its recipient masked.
 */
import type { CaseRow } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import type { CaseSnapshot } from '../../core/case/case-machine.js';
import { replyClock } from '../../core/case/deadlines.js';
import { type Notice, NOTICE_OF_EVENT, QUERY_CODE_SLOT, noticeText } from '../../core/notices/notice.js';
import { seal, unseal } from '../../adapters/security/password-hasher.js';
import { type AppDeps, maskEmail, maskPhone } from '../deps.js';
import { audit } from '../audit.js';

export const NOTICE_TASK = 'notice.send';
/** attempts before a notice goes to the dead-letter list (backoff 2, 4, … s, at most an hour apart) */
export const NOTICE_ATTEMPTS = 10;

/** In the caller's transaction: the notice's row and its `notice.send` job (run from `runAt`, else now). */
export async function queueNotice(tx: Store, notice: Notice, runAt?: string): Promise<void> {
  await tx.notices.create(notice);
  await tx.jobs.enqueue({
    task: NOTICE_TASK,
    payload: { notice: notice.id },
    key: `notice:${notice.id}`,
    maxAttempts: NOTICE_ATTEMPTS,
    ...(runAt ? { runAt } : {}),
  });
}

/** In the event's transaction: the notices event `index` of `s` causes, queued for delivery. */
export async function queueCaseNotices(
  tx: Store,
  deps: AppDeps,
  row: CaseRow,
  s: CaseSnapshot,
  index: number,
  extra: { queryCode?: string } = {},
): Promise<Notice[]> {
  const n = deps.notify;
  const ev = s.history[index];
  const kind = ev && NOTICE_OF_EVENT[ev.kind];
  const a = s.facts?.applicant;
  if (!n || !ev || !kind || !a?.notify?.length) return [];
  const organ = await tx.organs.find(row.organId);
  const ctx = {
    organName: organ?.name ?? row.organId,
    caseId: row.id,
    statusUrl: `${n.publicUrl.replace(/\/$/, '')}/status`,
    dueOn: replyClock(s, deps.calendar, deps.rules)?.due ?? null,
    ...(kind === 'receipt' && extra.queryCode ? { queryCode: QUERY_CODE_SLOT } : {}),
  };
  const sealed = kind === 'receipt' && extra.queryCode ? seal(deps.secret, extra.queryCode) : undefined;
  const out: Notice[] = [];
  for (const channel of a.notify) {
    const to = channel === 'email' ? a.email : a.phone;
    if (!to) continue;
    const t = noticeText(kind, ev, ctx, channel);
    const notice: Notice = {
      id: `${row.id}/${index + 1}/${channel}`,
      caseId: row.id,
      organId: row.organId,
      kind,
      channel,
      to,
      subject: t.subject,
      text: t.text,
      createdAt: deps.now().toISOString(),
      status: 'pending',
      sentAt: null,
      providerId: null,
      lastError: null,
      attempts: 0,
      ...(sealed ? { sealedSecret: sealed } : {}),
    };
    await queueNotice(tx, notice);
    out.push(notice);
  }
  return out;
}

/** The `notice.send` job: delivers one notice, once. */
export async function deliverNotice(
  deps: AppDeps,
  noticeId: string,
  job: { attempts: number; maxAttempts: number },
): Promise<void> {
  const n = await deps.store.notices.find(noticeId);
  if (!n || n.status === 'sent') return;
  if (n.status === 'handing' && n.channel === 'email') {
    // a worker stopped between handing the message over and the server's answer: the server may have it, so
    // it is never sent again (the Message-ID lets a receiving system recognise it)
    await deps.store.notices.markSent(
      n.id,
      deps.now().toISOString(),
      'handed over; the worker stopped before the answer',
    );
    return;
  }
  const organ = await deps.store.organs.find(n.organId);
  let providerId: string;
  try {
    const code = n.sealedSecret ? unseal(deps.secret, n.sealedSecret) : null;
    if (n.sealedSecret && !code) throw new Error('查询码无法解密（服务器密钥已更换）');
    const text = code ? n.text.split(QUERY_CODE_SLOT).join(code) : n.text;
    if (n.channel === 'email') {
      const mailer = deps.notify?.mailer;
      if (!mailer) throw new Error('未配置邮件服务器（SMTP_URL）');
      providerId = await mailer.send({
        to: n.to,
        from: `"${(organ?.name ?? '').replace(/"/g, '')}" <${deps.notify!.from}>`,
        subject: n.subject,
        text,
        messageId: n.id,
        ...(organ?.email ? { headers: { 'Reply-To': organ.email } } : {}),
        beforeHandOver: () => deps.store.notices.markHanding(n.id),
      });
    } else {
      const sms = deps.notify?.sms;
      if (!sms) throw new Error('未配置短信服务（SMS_URL）');
      // an SMS request may be repeated: the provider recognises it by its Idempotency-Key
      providerId = await sms.send({ to: n.to, text, key: n.id });
    }
  } catch (e) {
    await deps.store.notices.markAttempt(
      n.id,
      e instanceof Error ? e.message : String(e),
      job.attempts >= job.maxAttempts,
    );
    throw e;
  }
  const now = deps.now();
  await deps.store.transaction(async (tx) => {
    await tx.notices.markSent(n.id, now.toISOString(), providerId.slice(0, 200));
    await audit(tx, now, {
      organId: n.organId,
      userId: null,
      role: 'system',
      action: 'notice.sent',
      caseId: n.caseId,
      ip: '',
      detail: {
        kind: n.kind,
        channel: n.channel,
        to: n.channel === 'email' ? maskEmail(n.to) : maskPhone(n.to),
      },
    });
  });
}

/** The tasks the job runners run, by name. */
export function noticeTasks(deps: AppDeps) {
  return {
    [NOTICE_TASK]: (payload: Record<string, unknown>, job: { attempts: number; maxAttempts?: number }) =>
      deliverNotice(deps, String(payload.notice ?? ''), {
        attempts: job.attempts,
        maxAttempts: job.maxAttempts ?? NOTICE_ATTEMPTS,
      }),
  };
}

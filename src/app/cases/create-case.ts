/**
 * Use cases: an applicant applies online (no account), or a clerk registers a letter, in-person, fax or e-mail
 * application with its receipt date under 条例第三十一条. Either way: one case, one `registered` event, a case
 * number, and a query code shown once (only its HMAC is stored).
 */
import type { CaseRow, StaffUser } from '../../core/entities.js';
import { type CaseFacts, type Channel } from '../../core/case/case-model.js';
import { replay } from '../../core/case/case-machine.js';
import { replyClock } from '../../core/case/deadlines.js';
import { receiptDate } from '../../core/case/receipt-date.js';
import { hmac, queryCode, randomToken, seal, unseal } from '../../adapters/security/password-hasher.js';
import { authorize } from '../policies/authorize.js';
import { canRegisterCase } from '../policies/case-policy.js';
import { AppError, type AppDeps, maskName, today } from '../deps.js';
import { audit } from '../audit.js';
import { registrationSchema, validateApplication, validateRegistered } from './application-form.js';
import { freezeEventLetter } from './case-letters.js';
import { queueCaseNotices } from '../notices/case-notices.js';
import { type PreparedUpload, prepareUpload } from './attachments.js';

export interface CreatedCase {
  caseId: string;
  queryCode: string;
  receivedOn: string;
  dueOn: string | null;
  receiptText: string;
  organId: string;
}

/** The key a form carries (newSubmissionKey): reload, back-and-resubmit and a double click file one case. */
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** A fresh key for a form that files a case. */
export function newSubmissionKey(): string {
  return randomToken(18);
}

/** The case a form with this key already filed, with its receipt (the query code is shown for two hours). */
export async function findSubmission(deps: AppDeps, key: string): Promise<CreatedCase | undefined> {
  if (!SUBMISSION_KEY.test(key)) return undefined;
  const row = await deps.store.submissions.find(key);
  if (!row) return undefined;
  const receipt = JSON.parse(unseal(deps.secret, row.sealed) ?? 'null') as CreatedCase | null;
  if (!receipt) return undefined;
  const fresh = deps.now().getTime() - new Date(row.createdAt).getTime() < RECEIPT_HOURS * 3600000;
  return { ...receipt, queryCode: fresh ? receipt.queryCode : '' };
}

/** How long a submitted form's receipt shows the query code again (afterwards: the status query or a new code). */
export const RECEIPT_HOURS = 2;

export function queryCodeHash(secret: string, caseId: string, code: string): string {
  return hmac(secret, `${caseId}:${code.trim().toUpperCase()}`);
}

async function create(
  deps: AppDeps,
  organId: string,
  facts: CaseFacts,
  submittedOn: string,
  receivedOn: string,
  receiptText: string,
  actor: { id: string | null; role: string },
  ip: string,
  submissionKey: string | undefined,
  uploads: readonly PreparedUpload[] = [],
): Promise<CreatedCase> {
  const organ = await deps.store.organs.find(organId);
  if (!organ) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
  const code = queryCode();
  const now = deps.now();
  const event = {
    kind: 'registered' as const,
    on: receivedOn,
    submittedOn,
    facts,
    receiptReason: receiptText,
    ...(actor.id ? { by: actor.id } : { by: 'applicant' }),
  };
  const ctx = { calendar: deps.calendar, rules: deps.rules };
  const r = replay([event], ctx);
  if (r.error) throw new AppError(r.error.code, r.error.message);
  const due = replyClock(r.snapshot, deps.calendar, deps.rules)?.due ?? null;
  const year = Number(receivedOn.slice(0, 4));
  const key = submissionKey && SUBMISSION_KEY.test(submissionKey) ? submissionKey : undefined;
  const before = key ? await findSubmission(deps, key) : undefined;
  if (before) return before;
  return deps.store
    .transaction(async (tx) => {
      const serial = await tx.cases.nextSerial(organId, year);
      const caseId = `${organ.code}-${year}-${String(serial).padStart(4, '0')}`;
      const row: CaseRow = {
        id: caseId,
        organId,
        year,
        serial,
        queryCodeHash: queryCodeHash(deps.secret, caseId, code),
        applicantName: facts.applicant.name,
        applicantType: facts.applicant.type,
        channel: facts.channel,
        description: facts.description,
        receivedOn,
        state: r.snapshot.state,
        dueOn: due,
        assigneeId: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await tx.cases.create(row, {
        caseId,
        seq: 1,
        event,
        actorId: actor.id,
        actorRole: actor.role,
        recordedAt: now.toISOString(),
      });
      // the applicant's uploads (stored before, recorded only with the case: a refused form records none)
      for (const u of uploads) {
        await tx.attachments.create({
          ...u,
          caseId,
          uploadedBy: 'applicant',
          createdAt: now.toISOString(),
        });
        await audit(tx, now, {
          organId,
          userId: null,
          role: 'applicant',
          action: 'attachment.add',
          caseId,
          ip,
          detail: { kind: u.kind, size: u.size },
        });
      }
      // the 登记回执, frozen as issued in the case's own transaction
      await freezeEventLetter(tx, deps, row, r.snapshot, 0, [], organ);
      // the receipt notice (with the query code), if the applicant chose to be told
      await queueCaseNotices(tx, deps, row, r.snapshot, 0, { queryCode: code });
      await audit(tx, now, {
        organId,
        userId: actor.id,
        role: actor.role,
        action: 'case.registered',
        caseId,
        ip,
        detail: { channel: facts.channel, applicant: maskName(facts.applicant.name), receivedOn },
      });
      const created = { caseId, queryCode: code, receivedOn, dueOn: due, receiptText, organId };
      // the same transaction: a concurrent second submission of this form fails here and files nothing
      if (key)
        await tx.submissions.add({
          key,
          caseId,
          sealed: seal(deps.secret, JSON.stringify(created)),
          createdAt: now.toISOString(),
        });
      return created;
    })
    .then((c) => {
      deps.notify?.wake?.();
      return c;
    })
    .catch(async (e: unknown) => {
      const again = key ? await findSubmission(deps, key) : undefined;
      if (again) return again;
      throw e;
    });
}

/** The files an online applicant may add, by form field (only where the organ offers it; each optional). */
export const APPLICANT_UPLOADS = [
  { field: 'idCopy', kind: 'identity_document' },
  { field: 'authorization', kind: 'power_of_attorney' },
] as const;

export type ApplicantFiles = Partial<
  Record<(typeof APPLICANT_UPLOADS)[number]['field'], { filename: string; bytes: Uint8Array } | null>
>;

/**
 * An online application by the applicant (条例第三十一条第（三）项: received the day it is submitted, or the next
 * working day), with the copy of the 身份证明 / 营业执照 and the 委托书 the applicant chose to upload, where the
 * organ offers it (条例第二十九条).
 */
export async function submitApplication(
  deps: AppDeps,
  organId: string,
  input: unknown,
  ip: string,
  submissionKey?: string,
  files: ApplicantFiles = {},
): Promise<CreatedCase> {
  const v = validateApplication(input, 'online');
  const organ = await deps.store.organs.find(organId);
  const fields: Record<string, string> = v.ok ? {} : { ...v.fields };
  const uploads: PreparedUpload[] = [];
  if (organ?.applicantUploads)
    for (const u of APPLICANT_UPLOADS) {
      const f = files[u.field];
      if (!f || !f.bytes.length) continue;
      try {
        uploads.push(await prepareUpload(deps, organId, u.kind, u.field, f));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        Object.assign(fields, e.fields);
      }
    }
  if (!v.ok || Object.keys(fields).length)
    throw new AppError('form_invalid', '申请表有需要修改的地方', 'invalid', fields);
  const submittedOn = today(deps);
  const rd = receiptDate({ channel: 'online', submittedOn }, deps.calendar, deps.rules)!;
  return create(
    deps,
    organId,
    v.facts,
    submittedOn,
    rd.receivedOn,
    rd.text,
    { id: null, role: 'applicant' },
    ip,
    submissionKey,
    uploads,
  );
}

/** The registration form's first values (the day it was submitted: today), for those who may register. */
export function newCaseDefaults(deps: AppDeps, user: StaffUser): Record<string, string> {
  authorize(user, canRegisterCase, undefined);
  return { submittedOn: today(deps), idem: newSubmissionKey() };
}

/** A clerk registers an application received by letter, in person, fax, e-mail or another channel. */
export async function registerApplication(
  deps: AppDeps,
  user: StaffUser,
  input: Record<string, unknown>,
  ip: string,
  submissionKey?: string,
): Promise<CreatedCase> {
  authorize(user, canRegisterCase, undefined);
  const reg = registrationSchema.safeParse(input);
  // registered as received, whatever it lacks: the case then offers the 补正 for exactly that (条例第三十条)
  const v = validateRegistered(input, (reg.success ? reg.data.channel : 'other') as Channel);
  const fields: Record<string, string> = {};
  if (!reg.success)
    for (const i of reg.error.issues) {
      const k = String(i.path[0] ?? 'form');
      if (!fields[k]) fields[k] = i.message;
    }
  if (!v.ok) Object.assign(fields, v.fields);
  if (!reg.success || !v.ok) throw new AppError('form_invalid', '登记表有需要修改的地方', 'invalid', fields);
  const d = reg.data;
  if (d.submittedOn > today(deps))
    throw new AppError('form_invalid', '登记表有需要修改的地方', 'invalid', {
      submittedOn: '提交日期不能晚于今天',
    });
  const rd = receiptDate(
    {
      channel: d.channel as Channel,
      submittedOn: d.submittedOn,
      ...(d.signedOn ? { signedOn: d.signedOn } : {}),
      ...(d.confirmedOn ? { confirmedOn: d.confirmedOn } : {}),
    },
    deps.calendar,
    deps.rules,
  );
  if (!rd) throw new AppError('form_invalid', '日期无效', 'invalid', { submittedOn: '日期无效' });
  if (rd.receivedOn < d.submittedOn)
    throw new AppError('form_invalid', '登记表有需要修改的地方', 'invalid', {
      signedOn: '签收或确认日期不能早于提交日期',
    });
  return create(
    deps,
    user.organId,
    v.facts,
    d.submittedOn,
    rd.receivedOn,
    rd.text,
    { id: user.id, role: user.role },
    ip,
    submissionKey,
  );
}

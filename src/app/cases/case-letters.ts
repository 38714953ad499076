/**
 * Use cases: letters as records. The letter an event issues is frozen in the store in the event's own transaction
 * (`freezeEventLetter`); every later read renders that snapshot, never today's organ data, calendar or texts. A
 * case recorded before letters were kept has its letters frozen once, on first read, from its history. A wrong
 * letter is replaced by a new one that names it (`correctLetter`, the head only, with a reason); the old one stays
 * readable, marked 已被替代. A pending approval's letter is shown as a draft: what it would be if approved now.
 */
import { createHash } from 'node:crypto';
import type { Approval, CaseRow, Organ, StaffUser, StoredEvent } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import { type CaseSnapshot, replay, transition } from '../../core/case/case-machine.js';
import {
  LETTER_OF_EVENT,
  type Letter,
  type LetterContext,
  correctedLetter,
  letterOfEvent,
} from '../../core/letters/build-letters.js';
import type { IssuedLetter } from '../../core/letters/issued-letter.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { audit } from '../audit.js';
import { authorize } from '../policies/authorize.js';
import { canDecideApproval } from '../policies/case-policy.js';
import type { CaseView } from './case-view.js';

export type LetterFormat = 'html' | 'docx' | 'pdf';

type Deps = Pick<AppDeps, 'calendar' | 'rules' | 'now'>;

/**
 * What letters of the case print about the organ today, the parent organ named as 复议机关, and the files to be
 * released that passed their 保密审查 (a 答复书 that provides information lists them).
 */
async function letterContext(store: Store, deps: Deps, row: CaseRow, organ?: Organ): Promise<LetterContext> {
  const o = organ ?? (await store.organs.find(row.organId));
  if (!o) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
  const parent = o.parentId ? await store.organs.find(o.parentId) : undefined;
  const [files, reviews] = await Promise.all([
    store.attachments.listForCase(row.id),
    store.releaseReviews.listForCase(row.id),
  ]);
  const latest = new Map(reviews.map((r) => [r.attachmentId, r.passed]));
  return {
    organ: o,
    reviewOrgan: parent?.name ?? '上一级行政机关',
    caseId: row.id,
    calendar: deps.calendar,
    rules: deps.rules,
    released: files
      .filter((f) => f.kind === 'released_information' && latest.get(f.id) === true)
      .map((f) => ({ id: f.id, filename: f.filename })),
  };
}

const nthOf = (issued: readonly IssuedLetter[], kind: Letter['kind']) =>
  issued.filter((l) => l.kind === kind).length + 1;

function record(
  row: CaseRow,
  seq: number,
  content: Letter,
  at: string,
  eventSeq: number | null,
  replacesId: string | null,
): IssuedLetter {
  return {
    id: `${row.id}/${seq}`,
    caseId: row.id,
    organId: row.organId,
    kind: content.kind,
    number: content.number,
    seq,
    issuedAt: at,
    issuedByEventSeq: eventSeq,
    replacesId,
    content,
  };
}

/**
 * The case's letters as issued, in order. A case recorded before letters were kept (no letter at all, yet a
 * history) has them frozen now, once, from its history — each as the case stood after its event.
 */
export async function issuedLetters(
  store: Store,
  deps: Deps,
  row: CaseRow,
  events: readonly StoredEvent[],
): Promise<IssuedLetter[]> {
  const have = await store.letters.listForCase(row.id);
  if (have.length || !events.length) return have;
  const ctx = await letterContext(store, deps, row);
  const at = deps.now().toISOString();
  const out: IssuedLetter[] = [];
  const history = events.map((e) => e.event);
  history.forEach((ev, i) => {
    const kind = LETTER_OF_EVENT[ev.kind];
    if (!kind) return;
    const r = replay(history.slice(0, i + 1), { calendar: deps.calendar, rules: deps.rules });
    if (r.error) return;
    const l = letterOfEvent(r.snapshot, i, ctx, nthOf(out, kind));
    if (l) out.push(record(row, out.length + 1, l, at, events[i]!.seq, null));
  });
  try {
    await store.transaction(async (tx) => {
      for (const l of out) await tx.letters.add(l);
    });
  } catch (e) {
    // another reader froze them first: theirs stand
    if ((e as { code?: string }).code !== 'storage_conflict') throw e;
    return store.letters.listForCase(row.id);
  }
  return out;
}

/**
 * In the transaction of the event at `index` of the history (`s`: the case once it was recorded): freezes the
 * letter the event issues, if any. `issued` are the letters issued before it.
 */
export async function freezeEventLetter(
  tx: Store,
  deps: Deps,
  row: CaseRow,
  s: CaseSnapshot,
  index: number,
  issued: readonly IssuedLetter[],
  organ?: Organ,
): Promise<IssuedLetter | undefined> {
  const ev = s.history[index];
  const kind = ev && LETTER_OF_EVENT[ev.kind];
  if (!kind) return undefined;
  const l = letterOfEvent(s, index, await letterContext(tx, deps, row, organ), nthOf(issued, kind));
  if (!l) return undefined;
  const rec = record(row, issued.length + 1, l, deps.now().toISOString(), index + 1, null);
  await tx.letters.add(rec);
  return rec;
}

/** The event a head's approval records (as `decideApproval` records it): dated today unless proposed later. */
export function eventOnApproval(payload: CaseEvent, headName: string, on: string): CaseEvent {
  const date = payload.on > on ? payload.on : on;
  return payload.kind === 'extended'
    ? { ...payload, on: date, approvedBy: headName }
    : payload.kind === 'decided'
      ? { ...payload, on: date, signedBy: headName }
      : payload;
}

/**
 * What the letter of a pending approval would be if the head approved it now: the same event on the same
 * history, numbered after the letters issued so far. Null when the table would refuse it now, or it issues none.
 */
export async function approvalDraft(
  store: Store,
  deps: Deps,
  a: Approval,
  c: { row: CaseRow; events: readonly StoredEvent[]; snapshot: CaseSnapshot },
): Promise<Letter | null> {
  const issued = await issuedLetters(store, deps, c.row, c.events);
  // the head's name is not printed on the letter; the draft carries a placeholder
  const ev = eventOnApproval(a.payload, '负责人', today(deps));
  const r = transition(c.snapshot, ev, { calendar: deps.calendar, rules: deps.rules, actor: 'head' });
  if (!r.ok) return null;
  const index = c.snapshot.history.length;
  const kind = LETTER_OF_EVENT[ev.kind];
  const l = kind
    ? letterOfEvent(r.snapshot, index, await letterContext(store, deps, c.row), nthOf(issued, kind))
    : undefined;
  return l ? { ...l, draftFor: a.id } : null;
}

/** Issued letters as read: each marked with the 文号 of the letter that replaced it, if any. */
function asRead(issued: readonly IssuedLetter[]): Letter[] {
  return issued.map((l) => {
    const by = issued.find((x) => x.replacesId === l.id);
    return by ? { ...l.content, replacedBy: by.number } : l.content;
  });
}

/** Seal images by key (a key names its bytes: sha256 in the name, never overwritten), as data: URIs. */
const sealCache = new Map<string, string>();

/** Adds the seal image a letter was issued with, for printing; a seal whose bytes do not match is not printed. */
async function withSeals(deps: Pick<AppDeps, 'files'>, letters: Letter[]): Promise<Letter[]> {
  const out: Letter[] = [];
  for (const l of letters) {
    const s = l.sealImage;
    if (!s) {
      out.push(l);
      continue;
    }
    let data = sealCache.get(s.key);
    if (!data) {
      const bytes = await deps.files.get(s.key).catch(() => null);
      if (bytes && createHash('sha256').update(bytes).digest('hex') === s.sha256) {
        data = `data:${s.mime};base64,${Buffer.from(bytes).toString('base64')}`;
        if (sealCache.size >= 32) sealCache.clear();
        sealCache.set(s.key, data);
      }
    }
    out.push(data ? { ...l, sealImageData: data } : l);
  }
  return out;
}

/**
 * Every letter of the case as issued (marked 已被替代 where replaced), then a draft for each pending approval
 * (`draftFor`: what it would be if approved now).
 */
export async function caseLetters(deps: AppDeps, v: CaseView): Promise<Letter[]> {
  const issued = asRead(await issuedLetters(deps.store, deps, v.row, v.events));
  const drafts: Letter[] = [];
  for (const a of v.approvals.filter((x) => x.status === 'pending')) {
    const d = await approvalDraft(deps.store, deps, a, v);
    if (d) drafts.push(d);
  }
  return withSeals(deps, [...issued, ...drafts]);
}

/** The letters addressed to the applicant, as issued. */
export async function applicantLetters(deps: AppDeps, v: CaseView): Promise<Letter[]> {
  const issued = asRead(await issuedLetters(deps.store, deps, v.row, v.events));
  return withSeals(
    deps,
    issued.filter((l) => l.forApplicant),
  );
}

/** `name` is `<letter id>.<html|docx|pdf>` of an issued letter; not found otherwise. */
export function pickLetter(letters: Letter[], name: string): { letter: Letter; format: LetterFormat } {
  const m = /^(.+)\.(html|docx|pdf)$/.exec(name);
  const letter = m ? letters.find((x) => x.id === m[1] && !x.draftFor) : undefined;
  if (!m || !letter) throw new AppError('letter_not_found', '找不到该文书', 'not_found');
  return { letter, format: m[2] as LetterFormat };
}

/** `preview.<html|docx|pdf>`: the draft letter of a pending approval (from `approvalDraft`). */
export async function pickDraft(
  deps: AppDeps,
  draft: Letter | null,
  name: string,
): Promise<{ letter: Letter; format: LetterFormat }> {
  const m = /^preview\.(html|docx|pdf)$/.exec(name);
  if (!m || !draft) throw new AppError('letter_not_found', '找不到该文书', 'not_found');
  return { letter: (await withSeals(deps, [draft]))[0]!, format: m[1] as LetterFormat };
}

/**
 * The head replaces a wrong letter with a new one: the same event's letter built from today's history, organ
 * data and calendar, numbered anew, dated today, saying first what it replaces and why. The old letter stays.
 */
export async function correctLetter(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  letterId: string,
  input: { reason?: string },
  ip: string,
): Promise<IssuedLetter> {
  authorize(user, canDecideApproval, undefined);
  const reason = (input.reason ?? '').trim();
  if (reason.length < 2 || reason.length > 200)
    throw new AppError('form_invalid', '请写明更正原因', 'invalid', {
      reason: '请写明更正原因（200字以内）',
    });
  return deps.store.transaction(async (tx) => {
    const row = await tx.cases.find(caseId);
    if (!row || row.organId !== user.organId)
      throw new AppError('case_not_found', '找不到该案件', 'not_found');
    const events = await tx.cases.events(caseId);
    const issued = await issuedLetters(tx, deps, row, events);
    const old = issued.find((l) => l.content.id === letterId);
    if (!old) throw new AppError('letter_not_found', '找不到该文书', 'not_found');
    if (issued.some((l) => l.replacesId === old.id))
      throw new AppError('letter_replaced', '该文书已被替代，请更正替代它的文书', 'conflict');
    let root: IssuedLetter | undefined = old;
    while (root && root.issuedByEventSeq === null) root = issued.find((l) => l.id === root!.replacesId);
    if (!root) throw new AppError('letter_not_found', '找不到该文书', 'not_found');
    const n = root.issuedByEventSeq!;
    const r = replay(
      events.slice(0, n).map((e) => e.event),
      { calendar: deps.calendar, rules: deps.rules },
    );
    const ctx = await letterContext(tx, deps, row);
    const nth = nthOf(issued, old.kind);
    const fresh = r.error ? undefined : letterOfEvent(r.snapshot, n - 1, ctx, nth);
    if (!fresh) throw new AppError('letter_not_rebuilt', '无法根据办理记录重新生成该文书', 'conflict');
    const seq = issued.length + 1;
    const content = correctedLetter(fresh, old.content, {
      id: `corrected-${seq}`,
      nth,
      on: today(deps),
      reason,
      ctx,
    });
    const rec = record(row, seq, content, deps.now().toISOString(), null, old.id);
    await tx.letters.add(rec);
    await audit(tx, deps.now(), {
      organId: row.organId,
      userId: user.id,
      role: user.role,
      action: 'letter.correct',
      caseId,
      ip,
      detail: { replaces: old.number, number: rec.number },
    });
    return rec;
  });
}

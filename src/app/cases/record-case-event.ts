/**
 * Use case: record one event on a case. The history is read, replayed, the event checked by the transition
 * table for the actor, and appended with the recomputed caches (state, reply due date) and the letter the event
 * issues, frozen as issued, in one transaction — a failed action leaves nothing written.
 */
import type { CaseRow, StaffUser, StoredEvent } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import { type Actor, type CaseSnapshot, replay, transition } from '../../core/case/case-machine.js';
import { replyClock } from '../../core/case/deadlines.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { actorOf } from '../policies/case-policy.js';
import { freezeEventLetter, issuedLetters } from './case-letters.js';
import { assertReleaseReviewed } from './released-files.js';
import { queueCaseNotices } from '../notices/case-notices.js';

export interface Recorded {
  snapshot: CaseSnapshot;
  row: CaseRow;
}

/** Loads a case's row and replayed snapshot (404 when absent). */
export async function loadCase(
  store: Store,
  deps: Pick<AppDeps, 'calendar' | 'rules'>,
  caseId: string,
): Promise<{ row: CaseRow; events: StoredEvent[]; snapshot: CaseSnapshot }> {
  const row = await store.cases.find(caseId);
  if (!row) throw new AppError('case_not_found', '找不到该案件', 'not_found');
  const events = await store.cases.events(caseId);
  const r = replay(
    events.map((e) => e.event),
    { calendar: deps.calendar, rules: deps.rules },
  );
  return { row, events, snapshot: r.snapshot };
}

/**
 * Records `event` as `who` (a staff user acting in their role, or the applicant). Organ scope is checked by the
 * caller's policy; the role/state check is the transition table's.
 */
export async function recordCaseEvent(
  deps: AppDeps,
  who: { user: StaffUser } | { applicant: true },
  caseId: string,
  event: CaseEvent,
  ip: string,
): Promise<Recorded> {
  const actor: Actor | null = 'user' in who ? actorOf(who.user.role) : 'applicant';
  if (!actor) throw new AppError('forbidden', '上级主管部门只能查看，不能办理', 'forbidden');
  if ('user' in who) event = { ...event, by: who.user.id };
  const done = await deps.store.transaction(async (tx) => {
    const { row, events, snapshot } = await loadCase(tx, deps, caseId);
    if ('user' in who && row.organId !== who.user.organId)
      throw new AppError('case_not_found', '找不到该案件', 'not_found');
    const r = transition(snapshot, event, { calendar: deps.calendar, rules: deps.rules, actor });
    if (!r.ok)
      throw new AppError(
        r.error.code,
        r.error.message,
        r.error.code === 'actor_not_allowed' ? 'forbidden' : 'conflict',
      );
    await assertReleaseReviewed(tx, caseId, event);
    const now = deps.now();
    const due = replyClock(r.snapshot, deps.calendar, deps.rules)?.due ?? null;
    // a case recorded before letters were kept has its earlier letters frozen first, so that numbers follow on
    const issued = await issuedLetters(tx, deps, row, events);
    await tx.cases.appendEvent(
      {
        caseId,
        seq: events.length + 1,
        event,
        actorId: 'user' in who ? who.user.id : null,
        actorRole: actor,
        recordedAt: now.toISOString(),
      },
      { state: r.snapshot.state, dueOn: due, updatedAt: now.toISOString() },
    );
    await freezeEventLetter(tx, deps, row, r.snapshot, events.length, issued);
    // the applicant's notices, in the same transaction: a refused or rolled-back event queues none
    await queueCaseNotices(tx, deps, row, r.snapshot, events.length);
    await audit(tx, now, {
      organId: row.organId,
      userId: 'user' in who ? who.user.id : null,
      role: actor,
      action: `case.${event.kind}`,
      caseId,
      ip,
      detail: { on: event.on },
    });
    return { snapshot: r.snapshot, row: { ...row, state: r.snapshot.state, dueOn: due } };
  });
  deps.notify?.wake?.();
  return done;
}

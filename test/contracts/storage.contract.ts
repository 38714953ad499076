/**
 * The storage contract: every Store adapter runs this same suite (SQLite and PostgreSQL).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseRow, Organ, StoredEvent } from '../../src/core/entities.js';
import type { Store } from '../../src/core/ports.js';

export { caseRow, ev };

export const organ = (id: string, parentId: string | null = null): Organ => ({
  id,
  parentId,
  name: `${id}人民政府`,
  code: id.toUpperCase(),
  kind: parentId ? 'township' : 'government',
  officeName: '党政办公室',
  sealName: `${id}人民政府`,
  address: '某县某路1号',
  postcode: '000000',
  phone: '0000-0000000',
  hours: '工作日9:00-17:00',
  email: 'gk@example.gov.cn',
  indexPattern: '{code}/{year}-{serial:5}',
  reportDeadline: null,
});

const caseRow = (id: string, organId: string, over: Partial<CaseRow> = {}): CaseRow => ({
  id,
  organId,
  year: 2024,
  serial: 1,
  queryCodeHash: 'h',
  applicantName: '张三',
  applicantType: 'natural_person',
  channel: 'online',
  description: '某信息',
  receivedOn: '2024-02-01',
  state: 'registered',
  dueOn: '2024-03-05',
  assigneeId: null,
  createdAt: '2024-02-01T01:00:00.000Z',
  updatedAt: '2024-02-01T01:00:00.000Z',
  ...over,
});
const ev = (caseId: string, seq: number, kind = 'registered', on = '2024-02-01'): StoredEvent => ({
  caseId,
  seq,
  event: (kind === 'registered'
    ? {
        kind,
        on,
        submittedOn: on,
        facts: {
          applicant: { type: 'natural_person', name: '张三' },
          channel: 'online',
          description: '某信息',
          requestedForm: 'paper',
          delivery: 'post',
        },
      }
    : { kind, on }) as never,
  actorId: null,
  actorRole: 'clerk',
  recordedAt: `${on}T02:00:00.000Z`,
});

/** Runs the contract against stores made by `make` (a fresh, migrated, empty store each time). */
export function runStorageContract(name: string, make: () => Promise<Store>): void {
  test(`${name}: migrating twice is harmless; organs and users round-trip; usernames are unique`, async () => {
    const s = await make();
    try {
      await s.migrate();
      await s.organs.create(organ('county'));
      await s.organs.create(organ('tianhu', 'county'));
      assert.deepEqual((await s.organs.find('tianhu'))!.parentId, 'county');
      assert.deepEqual(
        (await s.organs.list()).map((o) => o.id),
        ['county', 'tianhu'],
      );
      await s.users.create({
        id: 'u1',
        organId: 'tianhu',
        username: 'li',
        displayName: '李经办',
        role: 'clerk',
        passwordHash: 'x',
        failedLogins: 0,
        lockedUntil: null,
        disabled: false,
      });
      await assert.rejects(
        s.users.create({
          id: 'u2',
          organId: 'tianhu',
          username: 'li',
          displayName: '另一个',
          role: 'clerk',
          passwordHash: 'x',
          failedLogins: 0,
          lockedUntil: null,
          disabled: false,
        }),
        (e: Error & { code?: string }) =>
          e.code === 'storage_conflict' && /store: unable to create user/.test(e.message),
      );
      await s.users.setLoginState('u1', 3, '2026-01-01T00:00:00.000Z');
      const u = (await s.users.findByUsername('li'))!;
      assert.deepEqual([u.failedLogins, u.lockedUntil, u.disabled], [3, '2026-01-01T00:00:00.000Z', false]);
    } finally {
      await s.close();
    }
  });

  test(`${name}: rate-limit counters count per key and window, atomically, and old windows are pruned`, async () => {
    const s = await make();
    try {
      const hits = await Promise.all(
        Array.from({ length: 20 }, () => s.rateLimits.hit('POST /admin/login|10.0.0.1', 29_000_000)),
      );
      assert.deepEqual(
        [...hits].sort((a, b) => a - b),
        Array.from({ length: 20 }, (_, i) => i + 1),
        'concurrent hits each get their own count',
      );
      assert.equal(await s.rateLimits.hit('POST /admin/login|10.0.0.2', 29_000_000), 1, 'per key');
      assert.equal(await s.rateLimits.hit('POST /admin/login|10.0.0.1', 29_000_001), 1, 'per window');
      await s.rateLimits.prune(29_000_001);
      assert.equal(
        await s.rateLimits.hit('POST /admin/login|10.0.0.1', 29_000_000),
        1,
        'the pruned window starts again',
      );
      assert.equal(
        await s.rateLimits.hit('POST /admin/login|10.0.0.1', 29_000_001),
        2,
        'the current window is kept',
      );
    } finally {
      await s.close();
    }
  });

  test(`${name}: API tokens are found by their hash, listed per organ, revoked once and only by their own organ`, async () => {
    const s = await make();
    try {
      await s.organs.create(organ('tianhu'));
      await s.users.create({
        id: 'u1',
        organId: 'tianhu',
        username: 'li',
        displayName: '李经办',
        role: 'clerk',
        passwordHash: 'x',
        failedLogins: 0,
        lockedUntil: null,
        disabled: false,
      });
      await s.apiTokens.create({
        id: 't1',
        tokenHash: 'h1',
        userId: 'u1',
        organId: 'tianhu',
        name: '统计脚本',
        createdAt: '2026-01-01T00:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      });
      await assert.rejects(
        s.apiTokens.create({
          id: 't2',
          tokenHash: 'h1',
          userId: 'u1',
          organId: 'tianhu',
          name: 'x',
          createdAt: 'x',
          lastUsedAt: null,
          revokedAt: null,
        }),
        (e: Error & { code?: string }) => e.code === 'storage_conflict',
      );
      assert.equal((await s.apiTokens.findByHash('h1'))!.name, '统计脚本');
      assert.equal(await s.apiTokens.findByHash('nope'), undefined);
      await s.apiTokens.touch('t1', '2026-01-02T00:00:00.000Z');
      assert.equal((await s.apiTokens.listForOrgan('tianhu'))[0]!.lastUsedAt, '2026-01-02T00:00:00.000Z');
      assert.equal(
        await s.apiTokens.revoke('t1', 'other-organ', '2026-01-03T00:00:00.000Z'),
        false,
        'not by another organ',
      );
      assert.equal(await s.apiTokens.revoke('t1', 'tianhu', '2026-01-03T00:00:00.000Z'), true);
      assert.equal(await s.apiTokens.revoke('t1', 'tianhu', '2026-01-04T00:00:00.000Z'), false, 'once');
      assert.equal((await s.apiTokens.findByHash('h1'))!.revokedAt, '2026-01-03T00:00:00.000Z');
    } finally {
      await s.close();
    }
  });

  test(`${name}: a case and its append-only history; a taken sequence number leaves nothing half-written`, async () => {
    const s = await make();
    try {
      await s.organs.create(organ('tianhu'));
      await s.cases.create(caseRow('TH-2024-0001', 'tianhu'), ev('TH-2024-0001', 1));
      await s.cases.appendEvent(ev('TH-2024-0001', 2, 'withdrawn', '2024-02-02'), {
        state: 'closed',
        dueOn: null,
        updatedAt: '2024-02-02T00:00:00.000Z',
      });
      await assert.rejects(
        s.transaction(async (tx) => {
          await tx.cases.appendEvent(ev('TH-2024-0001', 2, 'withdrawn', '2024-02-03'), {
            state: 'decided',
            dueOn: null,
            updatedAt: 'x',
          });
        }),
        (e: Error & { code?: string }) => e.code === 'storage_conflict',
      );
      const row = (await s.cases.find('TH-2024-0001'))!;
      assert.equal(row.state, 'closed');
      const hist = await s.cases.events('TH-2024-0001');
      assert.deepEqual(
        hist.map((h) => [h.seq, h.event.kind, h.event.on]),
        [
          [1, 'registered', '2024-02-01'],
          [2, 'withdrawn', '2024-02-02'],
        ],
      );
      assert.equal(
        (hist[0]!.event as { facts: { applicant: { name: string } } }).facts.applicant.name,
        '张三',
      );
    } finally {
      await s.close();
    }
  });

  test(`${name}: a failed transaction writes nothing`, async () => {
    const s = await make();
    try {
      await s.organs.create(organ('tianhu'));
      await assert.rejects(
        s.transaction(async (tx) => {
          await tx.cases.create(caseRow('TH-2024-0002', 'tianhu'), ev('TH-2024-0002', 1));
          await tx.audit.append({
            id: 'a1',
            at: '2024-01-01T00:00:00.000Z',
            organId: 'tianhu',
            userId: null,
            role: 'clerk',
            action: 'case.create',
            caseId: 'TH-2024-0002',
            ip: '127.0.0.1',
            detail: '{}',
          });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await s.cases.find('TH-2024-0002'), undefined);
      assert.deepEqual(await s.cases.events('TH-2024-0002'), []);
      assert.deepEqual(await s.audit.list(['tianhu'], 10), []);
    } finally {
      await s.close();
    }
  });

  test(`${name}: case numbers are allocated per organ and year; lists filter by organ, state, due date and text`, async () => {
    const s = await make();
    try {
      await s.organs.create(organ('a'));
      await s.organs.create(organ('b'));
      assert.deepEqual(
        [
          await s.cases.nextSerial('a', 2024),
          await s.cases.nextSerial('a', 2024),
          await s.cases.nextSerial('b', 2024),
          await s.cases.nextSerial('a', 2025),
        ],
        [1, 2, 1, 1],
      );
      await s.cases.create(caseRow('A-1', 'a', { dueOn: '2024-03-01' }), ev('A-1', 1));
      await s.cases.create(
        caseRow('A-2', 'a', {
          serial: 2,
          state: 'decided',
          dueOn: '2024-03-10',
          applicantName: '某律师事务所',
          receivedOn: '2024-02-02',
        }),
        ev('A-2', 1),
      );
      await s.cases.create(caseRow('B-1', 'b', { serial: 3 }), ev('B-1', 1));
      assert.deepEqual(
        (await s.cases.list({ organIds: ['a'] })).map((c) => c.id),
        ['A-2', 'A-1'],
      );
      assert.equal(await s.cases.count({ organIds: ['a', 'b'] }), 3);
      assert.deepEqual(
        (await s.cases.list({ organIds: ['a'], openOnly: true })).map((c) => c.id),
        ['A-1'],
      );
      assert.deepEqual(
        (await s.cases.list({ organIds: ['a'], dueOnOrBefore: '2024-03-05' })).map((c) => c.id),
        ['A-1'],
      );
      assert.deepEqual(
        (await s.cases.list({ organIds: ['a'], search: '律师' })).map((c) => c.id),
        ['A-2'],
      );
      assert.deepEqual(
        (await s.cases.list({ organIds: ['a'], search: 'a-1' })).map((c) => c.id),
        ['A-1'],
        'case numbers found in any letter case on both databases',
      );
      assert.deepEqual(
        (
          await s.cases.list({ organIds: ['a'], dueOnOrAfter: '2024-03-02', dueOnOrBefore: '2024-03-10' })
        ).map((c) => c.id),
        ['A-2'],
        'a due-date window',
      );
      assert.deepEqual(
        (await s.cases.list({ organIds: ['a'], limit: 1, offset: 1 })).map((c) => c.id),
        ['A-1'],
        'paging',
      );
      assert.deepEqual(
        (await s.cases.list({ organIds: [] })).map((c) => c.id),
        [],
      );
      const all = await s.cases.allWithEvents(['a']);
      assert.deepEqual(all.map((x) => [x.row.id, x.events.length]).sort(), [
        ['A-1', 1],
        ['A-2', 1],
      ]);
    } finally {
      await s.close();
    }
  });

  test(`${name}: a notice and its job are written in the caller's transaction — a rollback leaves neither; the queue lists, counts, retries and purges`, async () => {
    const s = await make();
    try {
      const notice = {
        id: 'A-1/1/email',
        caseId: 'A-1',
        organId: 'a',
        kind: 'receipt' as const,
        channel: 'email' as const,
        to: 'x@example.com',
        subject: '已登记',
        text: '正文',
        createdAt: '2024-03-04T00:00:00.000Z',
        status: 'pending' as const,
        sentAt: null,
        providerId: null,
        lastError: null,
        attempts: 0,
      };
      await assert.rejects(
        s.transaction(async (tx) => {
          await tx.notices.create(notice);
          await tx.jobs.enqueue({ task: 'notice.send', payload: { notice: notice.id }, key: 'k1' });
          throw new Error('the event was refused');
        }),
        /refused/,
      );
      assert.equal(await s.notices.find(notice.id), undefined, 'no notice');
      assert.deepEqual(await s.jobs.list({ limit: 10 }), [], 'no job');
      await s.transaction(async (tx) => {
        await tx.notices.create(notice);
        await tx.jobs.enqueue({
          task: 'notice.send',
          payload: { notice: notice.id },
          key: 'k1',
          maxAttempts: 3,
        });
        await tx.jobs.enqueue({
          task: 'notice.send',
          payload: { notice: notice.id },
          key: 'k1',
          maxAttempts: 3,
        });
      });
      const jobs = await s.jobs.list({ limit: 10 });
      assert.equal(jobs.length, 1, 'one waiting job per key');
      assert.deepEqual(jobs[0]!.payload, { notice: notice.id });
      assert.equal((await s.jobs.counts()).waiting, 1);
      await s.notices.markAttempt(notice.id, 'connection refused', false);
      await s.notices.markSent(notice.id, '2024-03-04T00:01:00.000Z', '250 OK');
      await s.notices.markAttempt(notice.id, 'late failure', true);
      const sent = (await s.notices.find(notice.id))!;
      assert.deepEqual(
        [sent.status, sent.attempts, sent.providerId],
        ['sent', 2, '250 OK'],
        'a sent notice stays sent',
      );
      assert.deepEqual(
        (await s.notices.listForCase('A-1')).map((n) => n.id),
        [notice.id],
      );
      assert.equal(await s.jobs.purgeFailed(), 0, 'nothing failed yet');
    } finally {
      await s.close();
    }
  });

  test(`${name}: approvals are decided once; attachments, reviews and the audit log round-trip`, async () => {
    const s = await make();
    try {
      await s.organs.create(organ('a'));
      await s.cases.create(caseRow('A-1', 'a'), ev('A-1', 1));
      await s.approvals.create({
        id: 'p1',
        caseId: 'A-1',
        organId: 'a',
        kind: 'extension',
        payload: { kind: 'extended', on: '2024-02-20', days: 10, approvedBy: '', reason: '复杂' },
        requestedBy: 'u1',
        requestedAt: '2024-02-20T01:00:00.000Z',
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        comment: null,
      });
      assert.equal((await s.approvals.listPending(['a'])).length, 1);
      assert.equal(await s.approvals.decide('p1', 'approved', 'u2', '2024-02-20T02:00:00.000Z', null), true);
      assert.equal(await s.approvals.decide('p1', 'rejected', 'u2', '2024-02-20T03:00:00.000Z', 'x'), false);
      assert.equal((await s.approvals.find('p1'))!.status, 'approved');
      await s.attachments.create({
        id: 'f1',
        caseId: 'A-1',
        kind: 'application',
        filename: '申请表.pdf',
        mime: 'application/pdf',
        size: 1234,
        storageKey: 'A-1/f1',
        uploadedBy: 'u1',
        createdAt: '2024-02-01T00:00:00.000Z',
      });
      assert.equal((await s.attachments.listForCase('A-1'))[0]!.filename, '申请表.pdf');
      await s.attachments.setKind('f1', 'identity_document');
      assert.equal((await s.attachments.find('f1'))!.kind, 'identity_document');
      await s.attachments.remove('f1', { at: '2024-02-02T00:00:00.000Z', by: 'u1', reason: '误传' });
      assert.deepEqual(await s.attachments.listForCase('A-1'), [], 'a removed file is hidden');
      assert.deepEqual(
        (await s.attachments.find('f1'))!.removed,
        { at: '2024-02-02T00:00:00.000Z', by: 'u1', reason: '误传' },
        'and kept, with who removed it and why',
      );
      await s.attachments.setKind('f1', 'other');
      assert.equal(
        (await s.attachments.find('f1'))!.kind,
        'identity_document',
        'a removed file is not changed',
      );
      await s.reviews.create({
        id: 'r1',
        caseId: 'A-1',
        organId: 'a',
        kind: 'review',
        reference: '某复决字〔2024〕1号',
        filedOn: '2024-04-01',
        concludedOn: null,
        result: null,
        createdAt: '2024-04-01T00:00:00.000Z',
      });
      await s.reviews.update('r1', '2024-05-01', 'upheld');
      assert.deepEqual(
        (await s.reviews.listForOrgans(['a'])).map((r) => [r.result, r.concludedOn]),
        [['upheld', '2024-05-01']],
      );
      for (let i = 1; i <= 3; i++)
        await s.audit.append({
          id: `a${i}`,
          at: `2024-01-0${i}T00:00:00.000Z`,
          organId: 'a',
          userId: 'u1',
          role: 'clerk',
          action: 'x',
          caseId: 'A-1',
          ip: '127.0.0.1',
          detail: '{}',
        });
      assert.deepEqual(
        (await s.audit.list(['a'], 2)).map((e) => e.id),
        ['a3', 'a2'],
      );
      await s.calendar.upsert(
        { date: '2027-01-01', kind: 'rest', name: '元旦', source: '通知' },
        'u1',
        '2026-11-20T00:00:00.000Z',
      );
      await s.calendar.upsert(
        { date: '2027-01-01', kind: 'work', name: '元旦（更正）', source: '更正通知' },
        'u1',
        '2026-11-21T00:00:00.000Z',
      );
      assert.deepEqual(
        (await s.calendar.list()).map((e) => [e.date, e.kind, e.name]),
        [['2027-01-01', 'work', '元旦（更正）']],
      );
      const v = await s.calendar.version();
      await s.calendar.remove('2027-01-01');
      assert.deepEqual(await s.calendar.list(), []);
      assert.equal(
        await s.calendar.version(),
        v + 1,
        'every change moves the version (other processes reload)',
      );
      assert.ok(v >= 2);
      assert.deepEqual(
        (await s.cases.listOpen()).map((c) => c.id),
        ['A-1'],
      );
      await s.cases.setDue('A-1', '2024-04-01');
      assert.equal((await s.cases.find('A-1'))!.dueOn, '2024-04-01');
    } finally {
      await s.close();
    }
  });
}

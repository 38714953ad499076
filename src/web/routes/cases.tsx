/**
 * 依申请公开 in the back office: the case list, registration of letter/in-person/fax applications, the case page,
 * events, approvals, attachments, 复议/诉讼, letters and the audit log.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { StaffUser } from '../../core/entities.js';
import { reclassifyAttachment, removeAttachment } from '../../app/cases/attachment-changes.js';
import { today } from '../../app/deps.js';
import { provisionalDues } from '../../app/admin/calendar.js';
import { listCases, type ListTab } from '../../app/cases/case-view.js';
import { newCaseDefaults, registerApplication } from '../../app/cases/create-case.js';
import { approvalPreview, decideApproval, pendingApprovalsWithDrafts } from '../../app/cases/approvals.js';
import { addReview } from '../../app/cases/reviews.js';
import { correctLetter, pickLetter } from '../../app/cases/case-letters.js';
import { registeredReceipt, reissueQueryCode } from '../../app/cases/query-code.js';
import { reviewReleasedFile } from '../../app/cases/released-files.js';
import { Receipt } from '../views/applicant/apply.js';
import {
  attachStaffFile,
  downloadCaseAttachment,
  openStaffCase,
  organAuditLog,
  proposeStaffEvent,
  recordStaffEvent,
  staffCasePage,
} from '../../app/cases/staff-case.js';
import type { WebContext } from '../http/context.js';
import { formFields, staffUser, uploadedFile } from '../http/request.js';
import { sendDownload, sendHtml } from '../http/reply.js';
import { submitForm, type FormFailure } from '../http/form.js';
import { sendLetter } from '../http/letters.js';
import { page } from '../views/layout.js';
import { ApprovalsPage } from '../views/cases/approvals.js';
import { AuditPage } from '../views/cases/audit.js';
import { CaseListPage } from '../views/cases/case-list.js';
import { CasePage } from '../views/cases/case-page.js';
import { NewCasePage } from '../views/cases/new-case.js';

const TABS: ListTab[] = ['open', 'mine', 'due_soon', 'overdue', 'closed', 'all'];

const FLASH: Record<string, string> = {
  registered: '已登记。',
  recorded: '已记录。',
  requested: '已提请负责人审批。',
  approved: '已审批。',
  uploaded: '已上传。',
  reclassified: '已更改附件类别。',
  removed: '已移除附件（文件和移除记录保留）。',
  review: '已登记复议诉讼。',
  reviewed: '已记录保密审查。',
  corrected: '已出具替代文书，原文书标记为已被替代。',
};

type CaseRoute = { Params: { id: string } };

export async function caseRoutes(app: FastifyInstance, { deps, opts }: WebContext): Promise<void> {
  const protect = { preHandler: app.csrfProtection };

  const casePage = async (
    reply: FastifyReply,
    user: StaffUser,
    p: Awaited<ReturnType<typeof staffCasePage>>,
    flash: { kind: 'ok' | 'err'; text: string } | null,
  ) =>
    page(
      <CasePage
        user={user}
        csrf={reply.generateCsrf()}
        v={p.view}
        letters={p.letters}
        flash={flash}
        organs={p.organs}
        releaseReviews={p.releaseReviews}
      />,
    );
  /** The case page again, with the refusal as its flash. */
  const caseAgain = (reply: FastifyReply, user: StaffUser, caseId: string) => async (f: FormFailure) =>
    casePage(reply, user, await staffCasePage(deps, user, caseId), f.flash);
  const toCase = (reply: FastifyReply, caseId: string, ok: string) =>
    reply.redirect(`/admin/cases/${caseId}?ok=${ok}`, 303);

  app.get<{ Querystring: { tab?: string; q?: string; page?: string; ok?: string } }>(
    '/admin',
    async (req, reply) => {
      const user = staffUser(req);
      const tab = (TABS.includes(req.query.tab as ListTab) ? req.query.tab : 'open') as ListTab;
      const search = req.query.q ?? '';
      const list = await listCases(deps, user, tab, search.slice(0, 50), Number(req.query.page) || 1);
      const view = (
        <CaseListPage
          user={user}
          csrf={reply.generateCsrf()}
          list={list}
          tab={tab}
          search={search}
          today={today(deps)}
          provisional={provisionalDues(deps, list.rows)}
          {...(req.query.ok === 'password' ? { flash: { kind: 'ok' as const, text: '密码已修改。' } } : {})}
        />
      );
      return sendHtml(reply, await page(view));
    },
  );

  app.get('/admin/cases/new', async (req, reply) => {
    const user = staffUser(req);
    const values = newCaseDefaults(deps, user);
    return sendHtml(
      reply,
      await page(<NewCasePage user={user} csrf={reply.generateCsrf()} values={values} fields={{}} />),
    );
  });
  app.post('/admin/cases/new', protect, async (req, reply) => {
    const user = staffUser(req);
    const values = formFields(req);
    return submitForm(
      reply,
      () => registerApplication(deps, user, values, req.ip, values.idem),
      // post/redirect/get to the printable 回执 with the query code; a reload never registers twice
      (c) =>
        values.idem
          ? reply.redirect(`/admin/cases/${c.caseId}/receipt/${encodeURIComponent(values.idem)}`, 303)
          : toCase(reply, c.caseId, 'registered'),
      async (f) =>
        page(<NewCasePage user={user} csrf={reply.generateCsrf()} values={values} fields={f.fields} />),
      ['invalid'],
    );
  });

  app.get<CaseRoute & { Querystring: { ok?: string } }>('/admin/cases/:id', async (req, reply) => {
    const user = staffUser(req);
    const text = req.query.ok ? FLASH[req.query.ok] : undefined;
    const p = await openStaffCase(deps, user, req.params.id, req.ip);
    return sendHtml(reply, await casePage(reply, user, p, text ? { kind: 'ok', text } : null));
  });
  // an event the user records, or one a clerk proposes for the head's approval: the same form, another use case
  for (const [path, useCase, ok] of [
    ['events', recordStaffEvent, 'recorded'],
    ['approvals', proposeStaffEvent, 'requested'],
  ] as const)
    app.post<{ Params: { id: string; kind: string } }>(
      `/admin/cases/:id/${path}/:kind`,
      protect,
      async (req, reply) => {
        const user = staffUser(req);
        const { id, kind } = req.params;
        return submitForm(
          reply,
          (): Promise<unknown> => useCase(deps, user, id, kind, formFields(req), req.ip),
          () => toCase(reply, id, ok),
          caseAgain(reply, user, id),
        );
      },
    );
  app.get<{ Params: { id: string; key: string } }>('/admin/cases/:id/receipt/:key', async (req, reply) => {
    const r = await registeredReceipt(deps, staffUser(req), req.params.id, req.params.key);
    const organ = { name: r.organName } as Parameters<typeof Receipt>[0]['organ'];
    return sendHtml(reply, await page(<Receipt organ={organ} {...r} code={r.queryCode} registered />));
  });
  app.post<CaseRoute>('/admin/cases/:id/query-code', protect, async (req, reply) => {
    const user = staffUser(req);
    const code = await reissueQueryCode(deps, user, req.params.id, req.ip);
    const text = `已发放新的查询码：${code}（只显示这一次，请告知申请人；原查询码已失效）。`;
    return sendHtml(
      reply,
      await casePage(reply, user, await staffCasePage(deps, user, req.params.id), { kind: 'ok', text }),
    );
  });
  app.get('/admin/approvals', async (req, reply) => {
    const user = staffUser(req);
    const items = await pendingApprovalsWithDrafts(deps, user);
    return sendHtml(
      reply,
      await page(<ApprovalsPage user={user} csrf={reply.generateCsrf()} items={items} />),
    );
  });
  app.post<CaseRoute>('/admin/approvals/:id', protect, async (req, reply) => {
    const user = staffUser(req);
    const f = formFields(req);
    const a = await decideApproval(
      deps,
      user,
      req.params.id,
      f.decision === 'approve',
      f.comment ?? '',
      req.ip,
    );
    const back =
      f.back && /^\/admin\/(cases\/[\w-]+|approvals)$/.test(f.back) ? f.back : `/admin/cases/${a.caseId}`;
    return reply.redirect(`${back}?ok=approved`, 303);
  });
  app.post<CaseRoute>('/admin/cases/:id/attachments', protect, async (req, reply) => {
    const user = staffUser(req);
    const id = req.params.id;
    const kind = formFields(req).kind ?? 'other';
    const file = await uploadedFile(req);
    return submitForm(
      reply,
      () => attachStaffFile(deps, user, id, kind, file, req.ip),
      () => toCase(reply, id, 'uploaded'),
      caseAgain(reply, user, id),
      ['invalid'],
    );
  });
  // a file's 保密审查, its reclassification or removal: one form each, the same flow
  for (const [path, change, flash, kinds] of [
    ['review', reviewReleasedFile, 'reviewed', ['invalid']],
    ['kind', reclassifyAttachment, 'reclassified', ['invalid', 'conflict']],
    ['remove', removeAttachment, 'removed', ['invalid', 'conflict']],
  ] as const)
    app.post<{ Params: { id: string; aid: string } }>(
      `/admin/cases/:id/attachments/:aid/${path}`,
      protect,
      async (req, reply) => {
        const user = staffUser(req);
        const { id, aid } = req.params;
        return submitForm(
          reply,
          () => change(deps, user, id, aid, formFields(req), req.ip),
          () => toCase(reply, id, flash),
          caseAgain(reply, user, id),
          kinds,
        );
      },
    );
  app.get<{ Params: { id: string; aid: string } }>(
    '/admin/cases/:id/attachments/:aid',
    async (req, reply) => {
      const a = await downloadCaseAttachment(deps, staffUser(req), req.params.id, req.params.aid);
      return sendDownload(reply, a.mime, a.filename, a.bytes);
    },
  );
  app.post<CaseRoute>('/admin/cases/:id/reviews', protect, async (req, reply) => {
    const user = staffUser(req);
    const id = req.params.id;
    return submitForm(
      reply,
      () => addReview(deps, user, id, formFields(req), req.ip),
      () => toCase(reply, id, 'review'),
      caseAgain(reply, user, id),
      ['invalid'],
    );
  });
  const letterLimit = { config: { rateLimit: { max: opts.lettersPerMinute ?? 30, timeWindow: '1 minute' } } };
  app.get<{ Params: { id: string; letter: string } }>(
    '/admin/cases/:id/letters/:letter',
    letterLimit,
    async (req, reply) => {
      const p = await staffCasePage(deps, staffUser(req), req.params.id);
      return sendLetter(reply, pickLetter(p.letters, req.params.letter));
    },
  );
  // the head replaces a wrong letter by a new one that names it; the old one stays, marked 已被替代
  app.post<{ Params: { id: string; letter: string } }>(
    '/admin/cases/:id/letters/:letter/correct',
    protect,
    async (req, reply) => {
      const user = staffUser(req);
      const { id, letter } = req.params;
      return submitForm(
        reply,
        () => correctLetter(deps, user, id, letter, formFields(req), req.ip),
        () => toCase(reply, id, 'corrected'),
        caseAgain(reply, user, id),
      );
    },
  );
  // the letter a pending approval would issue if approved now (the head's preview)
  app.get<{ Params: { id: string; file: string } }>(
    '/admin/approvals/:id/letter/:file',
    letterLimit,
    async (req, reply) =>
      sendLetter(reply, await approvalPreview(deps, staffUser(req), req.params.id, req.params.file)),
  );
  app.get('/admin/audit', async (req, reply) => {
    const user = staffUser(req);
    const log = await organAuditLog(deps, user);
    return sendHtml(
      reply,
      await page(
        <AuditPage user={user} csrf={reply.generateCsrf()} entries={log.entries} names={log.names} />,
      ),
    );
  });
}

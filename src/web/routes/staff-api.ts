/**
 * The staff JSON API (Authorization: Bearer gk_…, tokens issued by the organ's 管理员 on /admin/staff): list and
 * read the cases of one's organs, register an application received by letter, fax or in person, and read the
 * year's statistics in the annual-report cell format. The same use cases, scopes and role checks as the web pages;
 * no cookies, so no CSRF; applicants' personal data is masked; every call is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffUser } from '../../core/entities.js';
import { STATE_LABEL } from '../../core/case/case-machine.js';
import { findOutcome } from '../../core/case/case-model.js';
import { AppError, type AppDeps, maskName, today } from '../../app/deps.js';
import { auditStaffAction } from '../../app/audit.js';
import { apiTokenUser } from '../../app/auth/api-tokens.js';
import { getCaseForStaff, listCases, type ListTab } from '../../app/cases/case-view.js';
import { provisionalDue, provisionalDues } from '../../app/admin/calendar.js';
import { registerApplication } from '../../app/cases/create-case.js';
import { organStatistics } from '../../app/cases/organ-statistics.js';

const TABS: ListTab[] = ['all', 'mine', 'due_soon', 'overdue', 'open', 'closed'];
const security = [{ bearer: [] as string[] }];

export async function registerStaffApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const user = (req: FastifyRequest): StaffUser => req.user!;
  const limit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

  // per route (not an encapsulated plugin) so that the application's JSON error handler applies
  const onRequest = async (req: FastifyRequest) => {
    const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    const r = await apiTokenUser(deps, m?.[1]);
    if (!r)
      throw new AppError(
        'unauthorized',
        '缺少或无效的接口令牌（Authorization: Bearer …）',
        'unauthenticated',
      );
    req.user = r.user;
  };
  const log = (req: FastifyRequest, action: string, caseId: string | null = null) =>
    auditStaffAction(deps, user(req), action, caseId, req.ip, { via: 'api' });

  app.get<{ Querystring: { tab?: string; q?: string; page?: string } }>(
    '/api/v1/staff/cases',
    {
      onRequest,
      config: limit,
      schema: {
        summary: '本机关（上级主管部门：所属机关）的依申请公开案件，每页50件；申请人姓名已脱敏',
        tags: ['工作人员'],
        security,
        querystring: {
          type: 'object',
          properties: {
            tab: { type: 'string', enum: TABS },
            q: { type: 'string', maxLength: 50 },
            page: { type: 'string', pattern: '^\\d{1,6}$' },
          },
        },
      },
    },
    async (req) => {
      const list = await listCases(
        deps,
        user(req),
        (req.query.tab as ListTab) ?? 'all',
        req.query.q ?? '',
        Number(req.query.page) || 1,
      );
      await log(req, 'api.cases.list');
      // 暂定: the due date counts through a year without its State Council notice
      const provisional = provisionalDues(deps, list.rows);
      return {
        total: list.total,
        page: list.page,
        pages: list.pages,
        counts: list.counts,
        items: list.rows.map((r) => ({
          id: r.id,
          organId: r.organId,
          applicant: maskName(r.applicantName),
          applicantType: r.applicantType,
          channel: r.channel,
          description: r.description,
          receivedOn: r.receivedOn,
          state: r.state,
          stateLabel: STATE_LABEL[r.state],
          dueOn: r.dueOn,
          provisional: !!provisional[r.id],
          provisionalReason: provisional[r.id] ?? null,
        })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/staff/cases/:id',
    {
      onRequest,
      config: limit,
      schema: {
        summary: '一件案件：状态、全部期限（含条款和说明）、办理记录；申请人信息已脱敏',
        tags: ['工作人员'],
        security,
      },
    },
    async (req) => {
      const v = await getCaseForStaff(deps, user(req), req.params.id);
      await log(req, 'api.case.view', v.row.id);
      const s = v.snapshot;
      const o = s.outcome ? findOutcome(s.outcome) : undefined;
      return {
        id: v.row.id,
        organ: { id: v.organ.id, name: v.organ.name },
        applicant: maskName(v.row.applicantName),
        applicantType: v.row.applicantType,
        channel: v.row.channel,
        description: v.row.description,
        receivedOn: v.row.receivedOn,
        state: s.state,
        stateLabel: STATE_LABEL[s.state],
        status: v.status,
        provisional: v.status.provisional,
        provisionalReason: v.status.provisionalReason,
        clocks: v.clocks.map((c) => ({
          key: c.key,
          label: c.label,
          article: c.article,
          due: c.due,
          suspended: c.suspended,
          metOn: c.metOn ?? null,
          provisional: !!c.provisional,
          provisionalReason: c.provisionalReason ?? null,
          text: c.text,
        })),
        outcome: o ? { code: o.code, label: o.label } : null,
        concludedOn: s.concludedOn ?? null,
        events: v.events.map((e) => ({
          seq: e.seq,
          kind: e.event.kind,
          on: e.event.on,
          actorRole: e.actorRole,
          recordedAt: e.recordedAt,
        })),
      };
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/api/v1/staff/cases',
    {
      onRequest,
      config: limit,
      schema: {
        summary:
          '登记信函、当面、传真、电子邮件等渠道收到的申请（字段同“登记申请”页面）；收到日期按条例第三十一条确定',
        tags: ['工作人员'],
        security,
        body: { type: 'object' },
      },
    },
    async (req, reply) => {
      const c = await registerApplication(
        deps,
        user(req),
        Object.fromEntries(
          Object.entries(req.body ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')]),
        ),
        req.ip,
      );
      return reply.code(201).send({
        id: c.caseId,
        receivedOn: c.receivedOn,
        dueOn: c.dueOn,
        provisional: !!provisionalDue(deps, c.receivedOn, c.dueOn),
        queryCode: c.queryCode,
        receipt: c.receiptText,
      });
    },
  );

  app.get<{ Querystring: { year?: string } }>(
    '/api/v1/staff/statistics',
    {
      onRequest,
      config: limit,
      schema: {
        summary:
          '某年度的年报统计（第二部分第二十条第（一）项、第三部分、第四部分），单元格格式同年报交换JSON',
        tags: ['工作人员'],
        security,
        querystring: { type: 'object', properties: { year: { type: 'string', pattern: '^\\d{4}$' } } },
      },
    },
    async (req) => {
      const year = Number(req.query.year) || Number(today(deps).slice(0, 4));
      if (year < 2019) throw new AppError('year_invalid', '年度应在2019年以后', 'invalid');
      const s = await organStatistics(deps, user(req), year);
      await log(req, 'api.statistics');
      return {
        year,
        format: s.report.format,
        organ: s.organName,
        cells: s.report.cells.map((c) => ({ table: c.table, row: c.row, column: c.column, value: c.value })),
      };
    },
  );
}

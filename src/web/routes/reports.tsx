/** 年度报告 in the back office: compile from the organ's data, draft into the 年报 column, import, export, statistics. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { StaffUser } from '../../core/entities.js';
import { AppError, today } from '../../app/deps.js';
import { draftReportItem } from '../../app/reports/compile-annual-report.js';
import { compiledReportFile } from '../../app/reports/report-files.js';
import {
  compileFromForm,
  importReportWithOriginal,
  reportFormDefaults,
  reportYear,
} from '../../app/reports/report-form.js';
import { exportCases } from '../../app/cases/export-cases.js';
import { organStatistics } from '../../app/cases/organ-statistics.js';
import type { WebContext } from '../http/context.js';
import { formFields, staffUser, uploadedFile, yearParam } from '../http/request.js';
import { sendDownload, sendHtml } from '../http/reply.js';
import { submitForm } from '../http/form.js';
import { page } from '../views/layout.js';
import { ReportPage } from '../views/reports/report.js';
import { StatsPage } from '../views/reports/stats.js';

type ReportPageProps = Omit<Parameters<typeof ReportPage>[0], 'user' | 'csrf'>;

export async function reportRoutes(app: FastifyInstance, { deps }: WebContext): Promise<void> {
  const protect = { preHandler: app.csrfProtection };
  const reportPage = (reply: FastifyReply, user: StaffUser, p: ReportPageProps) =>
    page(<ReportPage user={user} csrf={reply.generateCsrf()} {...p} />);

  app.get<{ Querystring: { year?: string } }>('/admin/report', async (req, reply) => {
    const user = staffUser(req);
    const year = reportYear(deps, req.query.year);
    return sendHtml(
      reply,
      await reportPage(reply, user, {
        year,
        ...(await reportFormDefaults(deps, user, year)),
        provisional: year >= Number(today(deps).slice(0, 4)),
      }),
    );
  });
  app.post<{ Querystring: { year?: string } }>('/admin/report', protect, async (req, reply) => {
    const user = staffUser(req);
    const year = reportYear(deps, req.query.year);
    const f = formFields(req);
    if (f.action === 'docx' || f.action === 'pdf' || f.action === 'xlsx') {
      const file = await compiledReportFile(deps, user, year, f, f.action);
      return sendDownload(reply, file.mime, file.filename, file.bytes);
    }
    const { compiled, preview, manual, yoy } = await compileFromForm(deps, user, year, f);
    const shown = {
      year,
      values: f,
      manual,
      findings: compiled.findings,
      preview,
      provisional: compiled.provisional,
      yoy,
    };
    if (f.action !== 'draft') return sendHtml(reply, await reportPage(reply, user, shown));
    return submitForm(
      reply,
      () => draftReportItem(deps, user, compiled, req.ip),
      (id) => reply.redirect(`/admin/items/${id}?ok=saved`, 303),
      (e) => reportPage(reply, user, { ...shown, flash: { kind: 'err', text: e.message } }),
      ['conflict'],
    );
  });

  // an existing report (PDF, Word, web page) imported into the 年报 column as a draft, with the file attached
  app.post('/admin/report/import', protect, async (req, reply) => {
    const user = staffUser(req);
    const file = await uploadedFile(req);
    const year = reportYear(deps, undefined);
    const defaults = await reportFormDefaults(deps, user, year);
    return submitForm(
      reply,
      () => importReportWithOriginal(deps, user, file, req.ip),
      async (r) => {
        const original = r.attached
          ? '，原文件已作为附件'
          : '（该类型的原文件不能作为附件，只保存了读取的内容）';
        const flash = {
          kind: 'ok' as const,
          text: `已将${r.year}年年报导入为“政府信息公开年报”栏目的稿件${original}。`,
        };
        const html = await reportPage(reply, user, {
          year,
          ...defaults,
          findings: r.findings,
          imported: { id: r.itemId, year: r.year },
          flash,
        });
        return sendHtml(reply, html, 201);
      },
      (e) => reportPage(reply, user, { year, ...defaults, flash: e.flash }),
      ['invalid'],
    );
  });

  app.get<{ Params: { ext: string }; Querystring: { year?: string } }>(
    '/admin/export/cases.:ext',
    async (req, reply) => {
      const x = await exportCases(deps, staffUser(req), req.params.ext, req.query.year, req.ip);
      return reply
        .type(x.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(x.filename)}`)
        .header('cache-control', 'no-store')
        .send(x.bytes);
    },
  );

  app.get<{ Querystring: { year?: string } }>('/admin/stats', async (req, reply) => {
    const user = staffUser(req);
    const year = yearParam(req.query.year, Number(today(deps).slice(0, 4)));
    if (year < 2008 || year > 2100) throw new AppError('form_invalid', '年度无效', 'invalid');
    const s = await organStatistics(deps, user, year);
    return sendHtml(
      reply,
      await page(
        <StatsPage
          user={user}
          csrf={reply.generateCsrf()}
          year={year}
          organName={s.organName}
          html={s.html}
        />,
      ),
    );
  });
}

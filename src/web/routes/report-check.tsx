/** 年度报告核对 (public tool): upload or paste any organ's annual report and see every finding. */
import type { FastifyInstance } from 'fastify';
import { checkSubmittedReport } from '../../app/reports/check-submitted-report.js';
import { renderReportSections } from '../../adapters/render/html-report-renderer.js';
import type { WebContext } from '../http/context.js';
import { formFields, uploadedFile } from '../http/request.js';
import { sendDownload, sendHtml } from '../http/reply.js';
import { exportFindings } from '../../app/reports/findings-export.js';
import { page } from '../views/layout.js';
import { ReportCheckPage } from '../views/reports/report-check.js';

export async function reportCheckRoutes(app: FastifyInstance, { opts }: WebContext): Promise<void> {
  const limit = { config: { rateLimit: { max: opts.reportCheckPerMinute ?? 20, timeWindow: '1 minute' } } };
  app.get('/nianbao/check', async (_req, reply) =>
    sendHtml(reply, await page(<ReportCheckPage csrf={reply.generateCsrf()} />)),
  );
  // the findings just shown, as CSV or XLSX (posted back by the page; nothing is stored)
  app.post<{ Params: { format: string } }>(
    '/nianbao/check/findings.:format',
    { ...limit, preHandler: app.csrfProtection },
    async (req, reply) => {
      const f = formFields(req);
      const file = await exportFindings(f.findings ?? '', req.params.format, f.name ?? '');
      return sendDownload(reply, file.mime, file.filename, file.bytes);
    },
  );
  app.post('/nianbao/check', { ...limit, preHandler: app.csrfProtection }, async (req, reply) => {
    const text = formFields(req).text ?? '';
    const upload = await uploadedFile(req);
    const file = upload && upload.filename ? upload : null;
    const bytes = file ? file.bytes : new TextEncoder().encode(text);
    if (bytes.length === 0 || (!file && !text.trim())) {
      const html = await page(
        <ReportCheckPage csrf={reply.generateCsrf()} error="请选择报告文件，或粘贴报告全文" text={text} />,
      );
      return sendHtml(reply, html, 400);
    }
    const r = await checkSubmittedReport(file ? file.filename : null, bytes);
    const result = {
      name: file ? file.filename : '粘贴的文字',
      report: r.report,
      findings: r.findings,
      unreadable: r.unreadable,
      tablesHtml: renderReportSections(r.report),
    };
    return sendHtml(
      reply,
      await page(<ReportCheckPage csrf={reply.generateCsrf()} text={file ? '' : text} result={result} />),
    );
  });
}

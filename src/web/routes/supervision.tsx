/** The supervising organ's dashboard over its subordinates and the roll-up of their annual reports. */
import type { FastifyInstance } from 'fastify';
import { rollUpSubordinates, supervisionDashboard } from '../../app/supervision/supervision-dashboard.js';
import { reportYear } from '../../app/reports/report-form.js';
import type { WebContext } from '../http/context.js';
import { staffUser } from '../http/request.js';
import { sendDownload, sendHtml } from '../http/reply.js';
import { rollUpXlsx } from '../../app/reports/report-files.js';
import { page } from '../views/layout.js';
import { RollUpPage } from '../views/supervision/rollup.js';
import { SupervisePage } from '../views/supervision/supervise.js';

export async function supervisionRoutes(app: FastifyInstance, { deps }: WebContext): Promise<void> {
  app.get<{ Querystring: { year?: string } }>('/admin/supervise/rollup.xlsx', async (req, reply) => {
    const f = await rollUpXlsx(deps, staffUser(req), reportYear(deps, req.query.year));
    return sendDownload(reply, f.mime, f.filename, f.bytes);
  });
  app.get<{ Querystring: { year?: string } }>('/admin/supervise/rollup', async (req, reply) => {
    const user = staffUser(req);
    const year = reportYear(deps, req.query.year);
    const r = await rollUpSubordinates(deps, user, year);
    return sendHtml(
      reply,
      await page(
        <RollUpPage
          user={user}
          csrf={reply.generateCsrf()}
          year={year}
          included={r.included}
          missing={r.missing}
          findings={r.findings}
          html={r.html}
        />,
      ),
    );
  });
  app.get('/admin/supervise', async (req, reply) => {
    const user = staffUser(req);
    const d = await supervisionDashboard(deps, user);
    return sendHtml(
      reply,
      await page(
        <SupervisePage
          user={user}
          csrf={reply.generateCsrf()}
          year={d.year}
          today={d.today}
          rows={d.rows}
          months={d.months}
        />,
      ),
    );
  });
}

/** Notices and background work: the outbox of notices sent, the platform administrator's queue, the queue's health. */
import type { FastifyInstance } from 'fastify';
import { outbox, purgeFailedJobs, queueForAdmin, queueCounts, retryJob } from '../../app/jobs/queue-admin.js';
import type { WebContext } from '../http/context.js';
import { staffUser } from '../http/request.js';
import { sendHtml } from '../http/reply.js';
import { page } from '../views/layout.js';
import { JobsPage, OutboxPage } from '../views/notices/outbox.js';
import { BellPage, PrefsPage } from '../views/notices/bell.js';
import { markAllRead, myNotifications, myPrefs, saveMyPrefs } from '../../app/notices/bell.js';
import { formFields } from '../http/request.js';
import { submitForm } from '../http/form.js';

export async function noticeRoutes(app: FastifyInstance, { deps, opts }: WebContext): Promise<void> {
  const protect = { preHandler: app.csrfProtection };
  app.get('/healthz/jobs', async () => queueCounts(deps));
  app.get<{ Querystring: { ok?: string } }>('/admin/notifications', async (req, reply) => {
    const user = staffUser(req);
    return sendHtml(
      reply,
      await page(
        <BellPage
          user={user}
          csrf={reply.generateCsrf()}
          items={await myNotifications(deps, user)}
          {...(req.query.ok ? { flash: { kind: 'ok' as const, text: '已全部标为已读。' } } : {})}
        />,
      ),
    );
  });
  app.post('/admin/notifications/read', protect, async (req, reply) => {
    await markAllRead(deps, staffUser(req));
    return reply.redirect('/admin/notifications?ok=read', 303);
  });
  app.get('/admin/notifications/settings', async (req, reply) => {
    const user = staffUser(req);
    return sendHtml(
      reply,
      await page(<PrefsPage user={user} csrf={reply.generateCsrf()} prefs={await myPrefs(deps, user)} />),
    );
  });
  app.post('/admin/notifications/settings', protect, async (req, reply) => {
    const user = staffUser(req);
    const values = formFields(req);
    return submitForm(
      reply,
      () => saveMyPrefs(deps, user, values, req.ip),
      async (prefs) =>
        sendHtml(
          reply,
          await page(
            <PrefsPage
              user={user}
              csrf={reply.generateCsrf()}
              prefs={prefs}
              flash={{ kind: 'ok', text: '已保存。' }}
            />,
          ),
        ),
      async (f) =>
        page(
          <PrefsPage
            user={user}
            csrf={reply.generateCsrf()}
            prefs={await myPrefs(deps, user)}
            values={values}
            fields={f.fields}
          />,
        ),
      ['invalid'],
    );
  });
  app.get('/admin/outbox', async (req, reply) => {
    const user = staffUser(req);
    return sendHtml(
      reply,
      await page(
        <OutboxPage
          user={user}
          csrf={reply.generateCsrf()}
          notices={await outbox(deps, user)}
          demo={!!opts.demo}
        />,
      ),
    );
  });
  app.get<{ Querystring: { ok?: string } }>('/admin/jobs', async (req, reply) => {
    const user = staffUser(req);
    const q = await queueForAdmin(deps, user);
    const ok =
      req.query.ok === 'retry' ? '已安排立即重试。' : req.query.ok === 'purge' ? '已删除失败任务。' : '';
    return sendHtml(
      reply,
      await page(
        <JobsPage
          user={user}
          csrf={reply.generateCsrf()}
          q={q}
          {...(ok ? { flash: { kind: 'ok', text: ok } } : {})}
        />,
      ),
    );
  });
  app.post<{ Params: { id: string } }>('/admin/jobs/:id/retry', protect, async (req, reply) => {
    await retryJob(deps, req.params.id, { user: staffUser(req), ip: req.ip });
    return reply.redirect('/admin/jobs?ok=retry', 303);
  });
  app.post('/admin/jobs/purge', protect, async (req, reply) => {
    await purgeFailedJobs(deps, { user: staffUser(req), ip: req.ip });
    return reply.redirect('/admin/jobs?ok=purge', 303);
  });
}

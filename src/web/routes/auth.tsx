/** Staff login and logout (the session cookie; lockout and rate limits are the use case's and the route's). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { StaffUser } from '../../core/entities.js';
import { changeOwnPassword } from '../../app/auth/change-password.js';
import { PasswordPage } from '../views/admin/password.js';
import { login, logout } from '../../app/auth/sessions.js';
import { DEVICE_COOKIE, SESSION_COOKIE, type WebContext } from '../http/context.js';
import { formFields, staffUser } from '../http/request.js';
import { sendHtml } from '../http/reply.js';
import { submitForm } from '../http/form.js';
import { page } from '../views/layout.js';
import { LoginPage } from '../views/admin/login.js';

export async function authRoutes(app: FastifyInstance, { deps, opts }: WebContext): Promise<void> {
  const protect = { preHandler: app.csrfProtection };
  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/admin',
      httpOnly: true,
      sameSite: 'lax',
      secure: !!opts.secureCookies,
      signed: true,
    });
  const loginLimit = { config: { rateLimit: { max: opts.loginPerMinute ?? 10, timeWindow: '1 minute' } } };

  app.get('/admin/login', async (req, reply) => {
    if (req.user) return reply.redirect('/admin', 303);
    return sendHtml(reply, await page(<LoginPage csrf={reply.generateCsrf()} />));
  });
  app.post('/admin/login', { ...loginLimit, ...protect }, async (req, reply) => {
    const f = formFields(req);
    return submitForm(
      reply,
      () =>
        login(deps, f.username ?? '', f.password ?? '', { ip: req.ip, device: req.cookies[DEVICE_COOKIE] }),
      ({ token, device }) => {
        // this browser is known from now on: another client's failures do not make it wait
        reply.setCookie(DEVICE_COOKIE, device, {
          path: '/admin/login',
          httpOnly: true,
          sameSite: 'strict',
          secure: !!opts.secureCookies,
          maxAge: 180 * 24 * 3600,
        });
        setSession(reply, token);
        return reply.redirect('/admin', 303);
      },
      async (e) => page(<LoginPage csrf={reply.generateCsrf()} error={e.message} username={f.username} />),
      ['unauthenticated', 'locked'],
    );
  });
  // one's own password (a new account or a reset password is sent here before anything else)
  const passwordPage = (
    reply: FastifyReply,
    user: StaffUser,
    extra: { fields?: Record<string, string> } = {},
  ) => page(<PasswordPage user={user} csrf={reply.generateCsrf()} {...extra} />);
  app.get('/admin/password', async (req, reply) =>
    sendHtml(reply, await passwordPage(reply, staffUser(req))),
  );
  app.post('/admin/password', protect, async (req, reply) => {
    const user = staffUser(req);
    const f = formFields(req);
    return submitForm(
      reply,
      () =>
        changeOwnPassword(
          deps,
          user,
          { current: f.current ?? '', next: f.next ?? '', confirm: f.confirm ?? '' },
          req.ip,
        ),
      ({ token }) => {
        setSession(reply, token);
        return reply.redirect('/admin?ok=password', 303);
      },
      (e) => passwordPage(reply, user, { fields: e.fields }),
      ['invalid'],
    );
  });
  app.post('/admin/logout', protect, async (req, reply) => {
    await logout(deps, req.sessionToken, req.user, req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/admin' });
    return reply.redirect('/admin/login', 303);
  });
}

/**
 * Administration: the organ's data, staff accounts and API tokens, columns, the working-day calendar, and the
 * subordinate organs with their 年报 deadlines.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { StaffUser } from '../../core/entities.js';
import { today } from '../../app/deps.js';
import { addColumn, changeStaff, createStaff, renameColumn } from '../../app/admin/staff.js';
import {
  type NoticePreview,
  calendarView,
  editCalendar,
  previewNotice,
  saveNotice,
} from '../../app/admin/calendar.js';
import {
  columnsView,
  addSubordinateWithAdmin,
  deadlinesView,
  findStaff,
  organSettings,
  staffView,
} from '../../app/admin/admin-pages.js';
import { issueApiToken, revokeApiToken } from '../../app/auth/api-tokens.js';
import { setReportDeadlines } from '../../app/organs/report-deadlines.js';
import { setOrganSeal, updateOrgan } from '../../app/organs/update-organ.js';
import type { WebContext } from '../http/context.js';
import { formFields, staffUser, uploadedFile, yearParam } from '../http/request.js';
import { sendHtml } from '../http/reply.js';
import { submitForm } from '../http/form.js';
import { page } from '../views/layout.js';
import { CalendarPage } from '../views/admin/calendar.js';
import { ColumnsPage } from '../views/admin/columns.js';
import { DeadlinesPage } from '../views/admin/deadlines.js';
import { OrganPage } from '../views/admin/organ.js';
import { StaffPage } from '../views/admin/staff.js';

type Flash = { kind: 'ok' | 'err'; text: string };
type Form = { fields?: Record<string, string>; values?: Record<string, string> };
const ok = (text: string): Flash => ({ kind: 'ok', text });

export async function adminRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const { deps } = ctx;
  const protect = { preHandler: app.csrfProtection };
  const thisYear = () => Number(today(deps).slice(0, 4));

  // ---------------------------------------------------------------- the organ's data (letters and 指南 print it)
  const organPage = async (reply: FastifyReply, user: StaffUser, extra: Form & { flash?: Flash } = {}) =>
    page(
      <OrganPage
        user={user}
        csrf={reply.generateCsrf()}
        today={today(deps)}
        organ={await organSettings(deps, user)}
        {...extra}
      />,
    );
  app.get('/admin/organ', async (req, reply) => sendHtml(reply, await organPage(reply, staffUser(req))));
  app.post('/admin/organ', protect, async (req, reply) => {
    const user = staffUser(req);
    const values = formFields(req);
    return submitForm(
      reply,
      () => updateOrgan(deps, user, values, req.ip),
      async () => sendHtml(reply, await organPage(reply, user, { flash: ok('已保存。') })),
      (f) => organPage(reply, user, { values, fields: f.fields }),
      ['invalid'],
    );
  });
  // the organ's 电子印章: an image upload (or its removal); letters already issued keep theirs
  app.post('/admin/organ/seal', protect, async (req, reply) => {
    const user = staffUser(req);
    const remove = formFields(req).remove === '1';
    const file = await uploadedFile(req);
    return submitForm(
      reply,
      () => setOrganSeal(deps, user, file, remove, req.ip),
      async () =>
        sendHtml(
          reply,
          await organPage(reply, user, { flash: ok(remove ? '已删除电子印章。' : '已上传电子印章。') }),
        ),
      (f) => organPage(reply, user, { fields: f.fields, flash: f.flash }),
      ['invalid'],
    );
  });

  // ---------------------------------------------------------------- staff accounts and API tokens
  const staffPage = async (
    reply: FastifyReply,
    u: StaffUser,
    extra: Form & { flash?: Flash; tokenFields?: Record<string, string> },
  ) => page(<StaffPage user={u} csrf={reply.generateCsrf()} {...await staffView(deps, u)} {...extra} />);
  app.get('/admin/staff', async (req, reply) => sendHtml(reply, await staffPage(reply, staffUser(req), {})));
  app.post('/admin/staff', protect, async (req, reply) => {
    const u = staffUser(req);
    const values = formFields(req);
    return submitForm(
      reply,
      () => createStaff(deps, u, values, req.ip),
      async ({ user, password }) => {
        const flash = ok(`已创建账号 ${user.username}，初始密码：${password}（只显示这一次）`);
        return sendHtml(reply, await staffPage(reply, u, { flash }), 201);
      },
      (f) => staffPage(reply, u, { fields: f.fields, values, flash: { kind: 'err', text: f.message } }),
      ['invalid'],
    );
  });
  app.post<{ Params: { id: string } }>('/admin/staff/:id', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    const change = (
      ['role', 'disable', 'enable', 'reset'].includes(f.change ?? '') ? f.change : 'role'
    ) as 'role';
    const password = await changeStaff(deps, u, req.params.id, change, f.role, req.ip);
    const target = password ? await findStaff(deps, u, req.params.id) : undefined;
    const flash = ok(
      password ? `已重置 ${target?.username} 的密码：${password}（只显示这一次）` : '已保存。',
    );
    return sendHtml(reply, await staffPage(reply, u, { flash }));
  });
  // tokens for the staff JSON API: shown once, stored as an HMAC
  app.post('/admin/staff/tokens', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    return submitForm(
      reply,
      () => issueApiToken(deps, u, { userId: f.userId ?? '', name: f.name ?? '' }, req.ip),
      async ({ token, row }) => {
        const flash = ok(`已签发接口令牌“${row.name}”：${token}（只显示这一次，请妥善保存）`);
        return sendHtml(reply, await staffPage(reply, u, { flash }), 201);
      },
      (e) => staffPage(reply, u, { tokenFields: e.fields, flash: { kind: 'err', text: e.message } }),
      ['invalid'],
    );
  });
  app.post<{ Params: { id: string } }>('/admin/staff/tokens/:id/revoke', protect, async (req, reply) => {
    const u = staffUser(req);
    await revokeApiToken(deps, u, req.params.id, req.ip);
    return sendHtml(reply, await staffPage(reply, u, { flash: ok('令牌已吊销。') }));
  });

  // ---------------------------------------------------------------- subordinate organs and their 年报 deadlines
  const deadlinesPage = async (
    reply: FastifyReply,
    u: StaffUser,
    extra: Form & {
      organValues?: Record<string, string>;
      organFields?: Record<string, string>;
      flash?: Flash;
    },
  ) =>
    page(<DeadlinesPage user={u} csrf={reply.generateCsrf()} {...await deadlinesView(deps, u)} {...extra} />);
  app.get('/admin/deadlines', async (req, reply) =>
    sendHtml(reply, await deadlinesPage(reply, staffUser(req), {})),
  );
  app.post('/admin/deadlines/organs', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    return submitForm(
      reply,
      () => addSubordinateWithAdmin(deps, u, f, req.ip),
      async ({ organ, first }) => {
        const login = first
          ? `管理员账号 ${first.user.username}，初始密码：${first.password}（只显示这一次）`
          : '';
        const flash = ok(`已增加所属机关：${organ.name}（专栏 /gk/${organ.id}）。${login}`);
        return sendHtml(reply, await deadlinesPage(reply, u, { flash }), 201);
      },
      (e) =>
        deadlinesPage(reply, u, {
          organValues: f,
          organFields: e.fields,
          flash: { kind: 'err', text: e.message },
        }),
      ['invalid'],
    );
  });
  app.post('/admin/deadlines', protect, async (req, reply) => {
    const u = staffUser(req);
    const values = formFields(req);
    return submitForm(
      reply,
      () => setReportDeadlines(deps, u, values, req.ip),
      async () => sendHtml(reply, await deadlinesPage(reply, u, { flash: ok('已保存。') })),
      (e) => deadlinesPage(reply, u, { values, fields: e.fields, flash: { kind: 'err', text: e.message } }),
      ['invalid'],
    );
  });

  // ---------------------------------------------------------------- columns (the organ's own; the four are fixed)
  const columnsPage = async (
    reply: FastifyReply,
    u: StaffUser,
    extra: { flash?: Flash; error?: string } = {},
  ) =>
    page(
      <ColumnsPage user={u} csrf={reply.generateCsrf()} columns={await columnsView(deps, u)} {...extra} />,
    );
  app.get('/admin/columns', async (req, reply) => {
    const u = staffUser(req);
    return sendHtml(reply, await columnsPage(reply, u));
  });
  app.post('/admin/columns', protect, async (req, reply) => {
    const u = staffUser(req);
    return submitForm(
      reply,
      () => addColumn(deps, u, formFields(req), req.ip),
      async () => {
        ctx.purgePublic();
        return sendHtml(reply, await columnsPage(reply, u, { flash: ok('已增加栏目。') }), 201);
      },
      (f) => columnsPage(reply, u, { error: f.summary }),
      ['invalid'],
    );
  });
  app.post<{ Params: { id: string } }>('/admin/columns/:id', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    return submitForm(
      reply,
      () => renameColumn(deps, u, req.params.id, f.name ?? '', f.sort ? Number(f.sort) : undefined, req.ip),
      async () => {
        ctx.purgePublic();
        return sendHtml(reply, await columnsPage(reply, u, { flash: ok('已保存。') }));
      },
      (e) => columnsPage(reply, u, { error: e.summary }),
    );
  });

  // ---------------------------------------------------------------- the working-day calendar (platform 管理员)
  const calendarPage = async (
    reply: FastifyReply,
    u: StaffUser,
    year: number,
    extra: {
      moved?: { id: string; before: string | null; after: string | null }[];
      fields?: Record<string, string>;
      flash?: Flash;
      preview?: NoticePreview;
      noticeText?: string;
    } = {},
  ) => {
    const c = await calendarView(deps, u, year);
    return page(
      <CalendarPage
        user={u}
        csrf={reply.generateCsrf()}
        year={year}
        days={c.days}
        edits={c.edits}
        hasNotice={c.hasNotice}
        warning={c.warning}
        moved={extra.moved}
        fields={extra.fields ?? {}}
        flash={extra.flash ?? null}
        preview={extra.preview}
        noticeText={extra.noticeText}
      />,
    );
  };
  app.get<{ Querystring: { year?: string } }>('/admin/calendar', async (req, reply) =>
    sendHtml(reply, await calendarPage(reply, staffUser(req), yearParam(req.query.year, thisYear()))),
  );
  app.post('/admin/calendar', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    const year = yearParam((f.date ?? '').slice(0, 4), thisYear());
    return submitForm(
      reply,
      () => editCalendar(deps, u, f, false, req.ip),
      async (moved) => {
        const flash = ok(`已保存 ${f.date}；${moved.length}件办理中案件的答复期限已重新计算。`);
        return sendHtml(reply, await calendarPage(reply, u, year, { moved, flash }));
      },
      (e) => calendarPage(reply, u, year, { fields: e.fields, flash: { kind: 'err', text: e.message } }),
      ['invalid'],
    );
  });
  // the yearly notice, pasted whole: read for review, then saved in one step
  app.post('/admin/calendar/notice/preview', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    return submitForm(
      reply,
      () => previewNotice(deps, u, f),
      async (preview) =>
        sendHtml(reply, await calendarPage(reply, u, preview.year ?? thisYear(), { preview })),
      (e) => calendarPage(reply, u, thisYear(), { fields: e.fields, noticeText: f.notice ?? '' }),
      ['invalid'],
    );
  });
  app.post('/admin/calendar/notice', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    return submitForm(
      reply,
      () => saveNotice(deps, u, f, req.ip),
      async ({ year, saved, moved }) => {
        const flash = ok(
          `已保存${year}年节假日安排（${saved}天）；${moved.length}件办理中案件的答复期限已重新计算。`,
        );
        return sendHtml(reply, await calendarPage(reply, u, year, { moved, flash }));
      },
      (e) =>
        calendarPage(reply, u, thisYear(), {
          fields: e.fields,
          noticeText: f.notice ?? '',
          flash: { kind: 'err', text: e.message },
        }),
      ['invalid'],
    );
  });
  app.post('/admin/calendar/remove', protect, async (req, reply) => {
    const u = staffUser(req);
    const f = formFields(req);
    const moved = await editCalendar(deps, u, f, true, req.ip);
    const year = yearParam((f.date ?? '').slice(0, 4), thisYear());
    return sendHtml(
      reply,
      await calendarPage(reply, u, year, { moved, flash: ok(`已删除 ${f.date} 的条目。`) }),
    );
  });
}

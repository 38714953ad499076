/** 主动公开 in the back office: the item list, drafting, the workflow steps, files, and the 第二十六条 late list. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { StaffUser } from '../../core/entities.js';
import { today } from '../../app/deps.js';
import { createItem, recordItemStep, updateDraft, type ItemAction } from '../../app/publication/items.js';
import {
  itemAdminView,
  lateItemsFor,
  listOrganItems,
  organColumns,
  uploadItemFile,
} from '../../app/publication/item-admin.js';
import type { WebContext } from '../http/context.js';
import { formFields, staffUser, uploadedFile, yearParam } from '../http/request.js';
import { sendHtml } from '../http/reply.js';
import { submitForm, type FormFailure } from '../http/form.js';
import { page } from '../views/layout.js';
import { ItemsListPage, TimelinessPage } from '../views/items/item-list.js';
import { NewItemPage } from '../views/items/item-form.js';
import { ItemAdminPage } from '../views/items/item-page.js';

const ITEM_FLASH: Record<string, string> = {
  saved: '已保存。',
  done: '已办理。',
  file: '已上传。',
  scheduled: '已安排定时发布：到点自动发布（届时仍须是经保密审查和审核同意的本版本），操作日志中有记录。',
};

type ItemRoute = { Params: { id: string } };

export async function itemRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const { deps } = ctx;
  const protect = { preHandler: app.csrfProtection };

  const itemPage = async (
    reply: FastifyReply,
    user: StaffUser,
    id: string,
    flash: { kind: 'ok' | 'err'; text: string } | null,
    form?: { fields: Record<string, string>; values: Record<string, string> },
  ) => {
    const v = await itemAdminView(deps, user, id);
    return page(
      <ItemAdminPage user={user} csrf={reply.generateCsrf()} {...v} flash={flash} {...(form ?? {})} />,
    );
  };
  const itemAgain = (reply: FastifyReply, user: StaffUser, id: string) => (f: FormFailure) =>
    itemPage(reply, user, id, f.flash);
  const toItem = (reply: FastifyReply, id: string, ok: string) =>
    reply.redirect(`/admin/items/${id}?ok=${ok}`, 303);

  app.get<{ Querystring: { state?: string; q?: string; page?: string } }>(
    '/admin/items',
    async (req, reply) => {
      const user = staffUser(req);
      const l = await listOrganItems(deps, user, req.query);
      return sendHtml(
        reply,
        await page(
          <ItemsListPage
            user={user}
            csrf={reply.generateCsrf()}
            items={l.items}
            state={l.state}
            search={l.search}
            page={l.page}
            pages={l.pages}
            total={l.total}
          />,
        ),
      );
    },
  );
  const newItemPage = async (
    reply: FastifyReply,
    user: StaffUser,
    values: Record<string, string>,
    fields = {},
  ) =>
    page(
      <NewItemPage
        user={user}
        csrf={reply.generateCsrf()}
        columns={await organColumns(deps, user)}
        values={values}
        fields={fields}
      />,
    );
  app.get('/admin/items/new', async (req, reply) =>
    sendHtml(reply, await newItemPage(reply, staffUser(req), { formedOn: today(deps) })),
  );
  app.post('/admin/items/new', protect, async (req, reply) => {
    const user = staffUser(req);
    const values = formFields(req);
    return submitForm(
      reply,
      () => createItem(deps, user, values, req.ip),
      (item) => toItem(reply, item.id, 'saved'),
      (f) => newItemPage(reply, user, values, f.fields),
      ['invalid'],
    );
  });
  app.get<ItemRoute & { Querystring: { ok?: string } }>('/admin/items/:id', async (req, reply) => {
    const text = req.query.ok ? ITEM_FLASH[req.query.ok] : undefined;
    return sendHtml(
      reply,
      await itemPage(reply, staffUser(req), req.params.id, text ? { kind: 'ok', text } : null),
    );
  });
  app.post<ItemRoute>('/admin/items/:id/edit', protect, async (req, reply) => {
    const user = staffUser(req);
    const id = req.params.id;
    const values = formFields(req);
    return submitForm(
      reply,
      () => updateDraft(deps, user, id, values, req.ip),
      () => toItem(reply, id, 'saved'),
      (f) => itemPage(reply, user, id, f.flash, { fields: f.fields, values }),
    );
  });
  app.post<{ Params: { id: string; action: string } }>(
    '/admin/items/:id/steps/:action',
    protect,
    async (req, reply) => {
      const user = staffUser(req);
      const { id, action } = req.params;
      return submitForm(
        reply,
        () => recordItemStep(deps, user, id, action as ItemAction, formFields(req), req.ip),
        (r) => toItem(reply, id, r.scheduledAt ? 'scheduled' : 'done'),
        itemAgain(reply, user, id),
      );
    },
  );
  app.post<ItemRoute>('/admin/items/:id/files', protect, async (req, reply) => {
    const user = staffUser(req);
    const id = req.params.id;
    const file = await uploadedFile(req);
    return submitForm(
      reply,
      () => uploadItemFile(deps, user, id, file, req.ip),
      () => toItem(reply, id, 'file'),
      itemAgain(reply, user, id),
      ['invalid'],
    );
  });
  app.get<{ Querystring: { year?: string } }>('/admin/items/timeliness', async (req, reply) => {
    const user = staffUser(req);
    const year = yearParam(req.query.year, Number(today(deps).slice(0, 4)));
    const rows = await lateItemsFor(deps, user, year);
    return sendHtml(
      reply,
      await page(<TimelinessPage user={user} csrf={reply.generateCsrf()} year={year} rows={rows} />),
    );
  });
}

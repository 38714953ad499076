/**
 * Use cases of 主动公开: draft an item with its metadata, move it through 公开属性认定 → 保密审查 → approval →
 * publication (now or scheduled), revise, withdraw, change its 有效性, attach files (their text is searchable).
 * Every step is one event through the publication table; nothing is published without a passed review.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ColumnRow, ItemFile, ItemRow, Organ, StaffUser } from '../../core/entities.js';
import {
  type ItemActor,
  type ItemEvent,
  type ItemMeta,
  DEFAULT_INDEX_PATTERN,
  applyItemEvent,
  indexNumber,
  replayItem,
} from '../../core/publication/item-model.js';
import { bigrams, normalizeSearchText, unigrams } from '../../core/publication/search-text.js';
import { defaultCatalogue } from '../../core/publication/catalogue.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { sanitizeBody } from '../../adapters/render/sanitize-html.js';
import type { Store } from '../../core/ports.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { audit } from '../audit.js';

/** Creates the default catalogue of an organ (idempotent). */
export async function ensureCatalogue(deps: AppDeps, organ: Organ): Promise<ColumnRow[]> {
  const existing = await deps.store.publication.columns.list(organ.id);
  if (existing.length) return existing;
  const defs = defaultCatalogue(organ.kind);
  const rows: ColumnRow[] = defs.map((d) => ({
    id: `${organ.id}:${d.key}`,
    organId: organ.id,
    key: d.key,
    parentId: d.parentKey ? `${organ.id}:${d.parentKey}` : null,
    name: d.name,
    kind: d.kind,
    article: d.article,
    sort: d.sort,
  }));
  await deps.store.publication.columns.createMany(rows);
  return rows;
}

const metaSchema = z.object({
  title: z
    .string({ error: '请填写标题' })
    .trim()
    .min(2, { error: '标题至少2个字' })
    .max(200, { error: '标题不超过200个字' }),
  columnId: z.string({ error: '请选择栏目' }).min(1, { error: '请选择栏目' }),
  topic: z
    .string()
    .trim()
    .max(60, { error: '主题分类不超过60个字' })
    .optional()
    .default('综合政务\\政务公开'),
  publisher: z.string().trim().max(80, { error: '发布机构不超过80个字' }).optional().default(''),
  formedOn: z
    .string({ error: '请填写成文日期' })
    .refine(isIsoDate, { error: '成文日期应为真实日期（YYYY-MM-DD）' }),
  docNumber: z.string().trim().max(60, { error: '文号不超过60个字' }).optional().default(''),
  docType: z
    .enum(['regulation', 'normative', 'other'], { error: '请选择文件类型' })
    .optional()
    .default('other'),
  openMode: z.string().trim().max(20, { error: '公开方式不超过20个字' }).optional().default('主动公开'),
  body: z.string().max(200000, { error: '正文不超过200000个字' }).optional().default(''),
});

export const ITEM_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  columnId: '栏目',
  topic: '主题分类',
  publisher: '发布机构',
  formedOn: '成文日期',
  docNumber: '文号',
  docType: '文件类型',
  openMode: '公开方式',
  body: '正文',
};

function parseMeta(
  input: unknown,
  organ: Organ,
  columns: ColumnRow[],
  todayIso: string,
): { meta: ItemMeta; body: { html: string; text: string } } {
  const r = metaSchema.safeParse(input);
  const fields: Record<string, string> = {};
  if (!r.success) for (const i of r.error.issues) fields[String(i.path[0])] ??= i.message;
  if (r.success) {
    if (!columns.some((c) => c.id === r.data.columnId && c.kind !== 'guide')) fields.columnId = '栏目无效';
    if (r.data.formedOn > todayIso) fields.formedOn = '成文日期不能晚于今天';
  }
  if (Object.keys(fields).length || !r.success)
    throw new AppError('form_invalid', '信息有需要修改的地方', 'invalid', fields);
  const v = r.data;
  return {
    meta: {
      title: v.title,
      columnId: v.columnId,
      topic: v.topic || '综合政务\\政务公开',
      publisher: v.publisher || organ.name,
      formedOn: v.formedOn,
      docNumber: v.docNumber,
      docType: v.docType,
      validity: 'valid',
      validityDate: null,
      repealedBy: null,
      openMode: v.openMode || '主动公开',
    },
    body: sanitizeBody(v.body),
  };
}

function actorOf(user: StaffUser): ItemActor {
  if (user.role === 'supervisor') throw new AppError('forbidden', '上级主管部门只能查看', 'forbidden');
  return user.role;
}

export async function createItem(
  deps: AppDeps,
  user: StaffUser,
  input: unknown,
  ip: string,
): Promise<ItemRow> {
  actorOf(user);
  const organ = (await deps.store.organs.find(user.organId))!;
  const columns = await ensureCatalogue(deps, organ);
  const t = today(deps);
  const { meta, body } = parseMeta(input, organ, columns, t);
  const now = deps.now().toISOString();
  const year = Number(t.slice(0, 4));
  return deps.store.transaction(async (tx) => {
    const serial = await tx.publication.items.nextSerial(organ.id, year);
    const id = randomBytes(8).toString('hex');
    const row: ItemRow = {
      ...meta,
      id,
      organId: organ.id,
      indexNo: indexNumber(organ.indexPattern || DEFAULT_INDEX_PATTERN, {
        code: organ.code,
        year,
        month: Number(t.slice(5, 7)),
        serial,
      }),
      state: 'draft',
      version: 1,
      publishedVersion: null,
      publishedOn: null,
      firstPublishedOn: null,
      searchRowid: null,
      bodyHtml: '',
      bodyText: '',
      createdAt: now,
      updatedAt: now,
      createdBy: user.id,
    };
    await tx.publication.items.create(
      row,
      {
        itemId: id,
        version: 1,
        title: meta.title,
        bodyHtml: body.html,
        bodyText: body.text,
        meta,
        createdAt: now,
        createdBy: user.id,
      },
      {
        itemId: id,
        seq: 1,
        event: { kind: 'created', at: now, by: user.displayName, version: 1 },
        actorId: user.id,
        actorRole: user.role,
      },
    );
    await audit(tx, deps.now(), {
      organId: organ.id,
      userId: user.id,
      role: user.role,
      action: 'item.create',
      ip,
      detail: { item: id },
    });
    return row;
  });
}

/** Saves the working version (only while it is a draft). */
export async function updateDraft(
  deps: AppDeps,
  user: StaffUser,
  itemId: string,
  input: unknown,
  ip: string,
): Promise<void> {
  actorOf(user);
  const item = await deps.store.publication.items.find(itemId);
  if (!item || item.organId !== user.organId)
    throw new AppError('item_not_found', '找不到该信息', 'not_found');
  if (item.state !== 'draft')
    throw new AppError('not_draft', '只有草稿可以修改；已发布的信息请先“修订”生成新版本', 'conflict');
  const organ = (await deps.store.organs.find(user.organId))!;
  const { meta, body } = parseMeta(input, organ, await ensureCatalogue(deps, organ), today(deps));
  await deps.store.transaction(async (tx) => {
    await tx.publication.items.saveVersion({
      itemId,
      version: item.version,
      title: meta.title,
      bodyHtml: body.html,
      bodyText: body.text,
      meta,
      createdAt: deps.now().toISOString(),
      createdBy: user.id,
    });
    await audit(tx, deps.now(), {
      organId: item.organId,
      userId: user.id,
      role: user.role,
      action: 'item.edit',
      ip,
      detail: { item: itemId, version: item.version },
    });
  });
}

import { publishInstant, schedulePublication } from './scheduled-publication.js';
import { assertReportPublishable, isReportColumn } from '../reports/report-guards.js';

export type ItemAction =
  | 'attributed'
  | 'reviewed'
  | 'approved'
  | 'published'
  | 'revised'
  | 'withdrawn'
  | 'validity_changed';

/** Records one workflow step. `f` are the form fields of the step. */
export async function recordItemStep(
  deps: AppDeps,
  user: StaffUser,
  itemId: string,
  action: ItemAction,
  f: Record<string, string>,
  ip: string,
): Promise<{ scheduledAt?: string }> {
  const actor = actorOf(user);
  return deps.store.transaction(async (tx) => {
    const item = await tx.publication.items.find(itemId);
    if (!item || item.organId !== user.organId)
      throw new AppError('item_not_found', '找不到该信息', 'not_found');
    const events = await tx.publication.items.events(itemId);
    const { snapshot } = replayItem(events.map((e) => e.event));
    const at = deps.now().toISOString();
    const t = today(deps);
    let ev: ItemEvent;
    switch (action) {
      case 'attributed':
        ev = {
          kind: 'attributed',
          at,
          by: user.displayName,
          disclosure: (f.disclosure ?? 'proactive') as 'proactive',
          basis: f.basis ?? '',
        };
        break;
      case 'reviewed':
        ev = {
          kind: 'reviewed',
          at,
          by: user.displayName,
          version: snapshot.version,
          passed: f.passed === 'yes',
          basis: f.basis ?? '',
        };
        break;
      case 'approved':
        ev = { kind: 'approved', at, by: user.displayName, version: snapshot.version };
        break;
      case 'published': {
        const on = (f.publishOn || t).trim();
        if (!isIsoDate(on))
          throw new AppError('form_invalid', '发布日期无效', 'invalid', { publishOn: '请填写真实日期' });
        if (on < t)
          throw new AppError('form_invalid', '发布日期不能早于今天', 'invalid', {
            publishOn: '发布日期不能早于今天（定时发布填写以后的日期）',
          });
        ev = { kind: 'published', at, by: user.displayName, version: snapshot.version, publishOn: on };
        // the 年报 column's rules (a year that has ended, no placeholder, one per year)
        const v = (await tx.publication.items.versions(itemId)).find((x) => x.version === snapshot.version);
        if (v) await assertReportPublishable(tx, item, v, t);
        // a time of day: published by the job queue at that minute (still refused then if no longer approved)
        const when = publishInstant(on, f.publishTime, deps.now());
        if (when) {
          const dry = applyItemEvent(snapshot, ev, actor);
          if (!dry.ok)
            throw new AppError(
              dry.code,
              dry.message,
              dry.code === 'actor_not_allowed' ? 'forbidden' : 'conflict',
            );
          await schedulePublication(tx, deps, user, item.organId, itemId, snapshot.version, when, ip);
          return { scheduledAt: when.toISOString() };
        }
        break;
      }
      case 'revised': {
        const reason = (f.reason ?? '').trim().slice(0, 200);
        // a published 年报 is corrected by a new version of the same item, and the public is told why
        if (isReportColumn(item) && snapshot.publishedVersion !== null && !reason)
          throw new AppError('form_invalid', '请写明更正原因', 'invalid', {
            reason: '更正已发布的年度报告须写明更正原因，公众页面将显示',
          });
        ev = {
          kind: 'revised',
          at,
          by: user.displayName,
          version: snapshot.version + 1,
          ...(reason ? { reason } : {}),
        };
        break;
      }
      case 'withdrawn':
        ev = { kind: 'withdrawn', at, by: user.displayName, reason: f.reason ?? '' };
        break;
      case 'validity_changed': {
        const v = (['valid', 'expired', 'repealed'].includes(f.validity ?? '') ? f.validity : 'valid') as
          | 'valid'
          | 'expired'
          | 'repealed';
        const d = (f.date ?? '').trim();
        if (v !== 'valid' && !isIsoDate(d))
          throw new AppError('form_invalid', '日期无效', 'invalid', { date: '失效或废止须填写真实日期' });
        ev = {
          kind: 'validity_changed',
          at,
          by: user.displayName,
          validity: v,
          date: v === 'valid' ? null : d,
          repealedBy: v === 'repealed' && f.repealedBy ? f.repealedBy.trim().slice(0, 60) : null,
        };
        break;
      }
      default:
        throw new AppError('action_unknown', '未知操作', 'not_found');
    }
    const r = applyItemEvent(snapshot, ev, actor);
    if (!r.ok)
      throw new AppError(r.code, r.message, r.code === 'actor_not_allowed' ? 'forbidden' : 'conflict');
    await tx.publication.items.appendEvent(
      { itemId, seq: events.length + 1, event: ev, actorId: user.id, actorRole: user.role },
      { state: r.snapshot.state, version: r.snapshot.version, updatedAt: at },
    );
    if (ev.kind === 'published') {
      const versions = await tx.publication.items.versions(itemId);
      const v = versions.find((x) => x.version === ev.version)!;
      const files = (await tx.publication.files.list(itemId)).filter((x) => x.version <= ev.version);
      const norm = normalizeSearchText(
        [v.title, v.bodyText, ...files.map((x) => `${x.filename} ${x.text}`)].join('\n'),
      );
      await tx.publication.items.publish(itemId, {
        title: v.title,
        bodyHtml: v.bodyHtml,
        bodyText: v.bodyText,
        searchText: norm,
        unigrams: unigrams(norm),
        bigrams: bigrams(norm),
        publishedOn: ev.publishOn,
        publishedVersion: ev.version,
        meta: v.meta,
      });
    }
    if (ev.kind === 'revised') await saveRevision(tx, itemId, ev.version, at, user.id);
    if (ev.kind === 'withdrawn') await tx.publication.items.unpublish(itemId);
    if (ev.kind === 'validity_changed')
      await tx.publication.items.setValidity(itemId, ev.validity, ev.date, ev.repealedBy);
    await audit(tx, deps.now(), {
      organId: item.organId,
      userId: user.id,
      role: user.role,
      action: `item.${action}`,
      ip,
      detail: { item: itemId },
    });
    return {};
  });
}

/**
 * Attaches a file to the working version; PDF and DOCX text becomes searchable when published. A file is part of
 * its version (条例第十七条: nothing is public without 保密审查): added to a reviewed or approved version it sends it
 * back to review; added to a published or withdrawn item it starts a new version (修订), and the public keeps
 * seeing the published version — without the file — until the new one passes review and is published.
 */
export async function addItemFile(
  deps: AppDeps,
  user: StaffUser,
  itemId: string,
  filename: string,
  bytes: Uint8Array,
  extract: (mime: string, bytes: Uint8Array) => Promise<string>,
  sniff: (b: Uint8Array) => string | null,
  ip: string,
): Promise<ItemFile> {
  const actor = actorOf(user);
  const id = randomBytes(8).toString('hex');
  const at = deps.now().toISOString();
  // the events the upload records: checked before any byte is stored
  const plan = async (tx: Store) => {
    const item = await tx.publication.items.find(itemId);
    if (!item || item.organId !== user.organId)
      throw new AppError('item_not_found', '找不到该信息', 'not_found');
    const events = await tx.publication.items.events(itemId);
    let { snapshot } = replayItem(events.map((e) => e.event));
    const out: ItemEvent[] = [];
    const apply = (ev: ItemEvent) => {
      const r = applyItemEvent(snapshot, ev, actor);
      if (!r.ok)
        throw new AppError(r.code, r.message, r.code === 'actor_not_allowed' ? 'forbidden' : 'conflict');
      snapshot = r.snapshot;
      out.push(ev);
    };
    if (snapshot.state === 'published' || snapshot.state === 'withdrawn')
      apply({ kind: 'revised', at, by: user.displayName, version: snapshot.version + 1 });
    apply({ kind: 'file_added', at, by: user.displayName, version: snapshot.version, fileId: id, filename });
    return { item, events, out, snapshot };
  };
  await plan(deps.store);
  if (bytes.length === 0 || bytes.length > MAX_ITEM_FILE_BYTES)
    throw new AppError('file_size', '文件为空或超过20MB', 'invalid', { file: '文件为空或超过20MB' });
  const mime = sniff(bytes);
  if (!mime)
    throw new AppError('file_type', '文件类型不支持', 'invalid', { file: '只能上传PDF、DOCX、JPG或PNG文件' });
  const key = `items/${itemId}/${id}`;
  await deps.files.put(key, bytes);
  const text = (await extract(mime, bytes).catch(() => '')).slice(0, 500000);
  return deps.store.transaction(async (tx) => {
    const { item, events, out, snapshot } = await plan(tx);
    let seq = events.length;
    for (const ev of out) {
      seq += 1;
      await tx.publication.items.appendEvent(
        { itemId, seq, event: ev, actorId: user.id, actorRole: user.role },
        { state: snapshot.state, version: snapshot.version, updatedAt: at },
      );
      if (ev.kind === 'revised') await saveRevision(tx, itemId, ev.version, at, user.id);
    }
    const f: ItemFile = {
      id,
      itemId,
      version: snapshot.version,
      filename: filename.replace(/[\\/\u0000-\u001f<>:"|?*]/g, '_').slice(0, 120),
      mime,
      size: bytes.length,
      storageKey: key,
      text,
      createdAt: at,
    };
    await tx.publication.files.add(f);
    await audit(tx, deps.now(), {
      organId: item.organId,
      userId: user.id,
      role: user.role,
      action: 'item.file',
      ip,
      detail: { item: itemId, size: f.size, version: f.version },
    });
    return f;
  });
}

/** The largest file an item may carry. */
export const MAX_ITEM_FILE_BYTES = 20 * 1024 * 1024;

/** A revision starts as a copy of the latest version. */
async function saveRevision(tx: Store, itemId: string, version: number, at: string, userId: string) {
  const versions = await tx.publication.items.versions(itemId);
  const last = versions[versions.length - 1]!;
  await tx.publication.items.saveVersion({ ...last, version, createdAt: at, createdBy: userId });
}

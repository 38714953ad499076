/**
 * The public 政府信息公开专栏: what every page shows, read through the storage (keyset paging, search, feeds).
 */
import type { ColumnRow, ItemFile, ItemRow, Organ } from '../../core/entities.js';
import { queryTerms, snippet } from '../../core/publication/search-text.js';
import { timeliness } from '../../core/publication/item-model.js';
import { isPublicNow } from '../../core/publication/public-now.js';
import { escapeHtml } from '../../adapters/render/html-report-renderer.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { ensureCatalogue } from './items.js';

export const PAGE_SIZE = 20;

export interface Cursor {
  publishedOn: string;
  rowid: number;
}
export function encodeCursor(r: ItemRow): string {
  return `${r.publishedOn}_${r.searchRowid}`;
}
export function decodeCursor(s: string | undefined): Cursor | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})_(\d{1,12})$/.exec(s ?? '');
  return m ? { publishedOn: m[1]!, rowid: Number(m[2]) } : undefined;
}

// Organs and catalogues change rarely: remembered for 30 seconds by the reading side of the portal.
const memo = new Map<string, { v: unknown; until: number }>();
async function remember<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const e = memo.get(key);
  if (e && e.until > now) return e.v as T;
  const v = await fn();
  memo.set(key, { v, until: now + 30000 });
  return v;
}
/** Forgets remembered organs and catalogues (after an administrator changes them). */
export function forgetPortalMemo(): void {
  memo.clear();
}

async function organOr404(deps: AppDeps, organId: string): Promise<Organ> {
  const o = await remember(`organ:${organId}`, () => deps.store.organs.find(organId));
  if (!o) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
  return o;
}
const catalogueOf = (deps: AppDeps, organ: Organ) =>
  remember(`cols:${organ.id}`, () => ensureCatalogue(deps, organ));

/** The column and its descendants. */
export function subtree(columns: ColumnRow[], id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of columns) if (c.parentId === out[i]) out.push(c.id);
  return out;
}

export async function portalHome(deps: AppDeps, organId: string) {
  const organ = await organOr404(deps, organId);
  const columns = await catalogueOf(deps, organ);
  const t = today(deps);
  const latest = await deps.store.publication.items.listPublic({ organIds: [organ.id], today: t, limit: 10 });
  const blocks: { column: ColumnRow; items: ItemRow[] }[] = [];
  for (const c of columns.filter((x) => x.parentId === null && x.kind !== 'guide')) {
    blocks.push({
      column: c,
      items: await deps.store.publication.items.listPublic({
        columnIds: subtree(columns, c.id),
        today: t,
        limit: 5,
      }),
    });
  }
  return { organ, columns, latest, blocks };
}

export async function columnPage(deps: AppDeps, organId: string, key: string, before: string | undefined) {
  const organ = await organOr404(deps, organId);
  const columns = await catalogueOf(deps, organ);
  const column = columns.find((c) => c.key === key);
  if (!column) throw new AppError('column_not_found', '找不到该栏目', 'not_found');
  const t = today(deps);
  const q = {
    columnIds: subtree(columns, column.id),
    today: t,
    limit: PAGE_SIZE + 1,
    ...(decodeCursor(before) ? { before: decodeCursor(before)! } : {}),
  };
  const rows = await deps.store.publication.items.listPublic(q);
  const more = rows.length > PAGE_SIZE;
  const items = rows.slice(0, PAGE_SIZE);
  const total = await deps.store.publication.items.countPublic(
    { columnIds: q.columnIds, today: t, limit: 0 },
    1000,
  );
  return {
    organ,
    columns,
    column,
    items,
    next: more ? encodeCursor(items[items.length - 1]!) : null,
    total,
    children: columns.filter((c) => c.parentId === column.id),
  };
}

export async function itemPage(deps: AppDeps, organId: string, itemId: string) {
  const organ = await organOr404(deps, organId);
  const item = await deps.store.publication.items.find(itemId);
  const t = today(deps);
  if (!item || item.organId !== organ.id || !isPublicNow(item, t))
    throw new AppError('item_not_found', '找不到该信息，或已撤回', 'not_found');
  const columns = await catalogueOf(deps, organ);
  const files = (await deps.store.publication.files.list(item.id)).filter(
    (f) => f.version <= item.publishedVersion!,
  );
  const revised = item.publishedVersion > 1;
  // the reasons given for the versions the public has seen (e.g. a corrected 年报)
  const corrections = revised
    ? (await deps.store.publication.items.events(item.id))
        .map((e) => e.event)
        .filter(
          (e): e is Extract<typeof e, { kind: 'revised' }> =>
            e.kind === 'revised' && !!e.reason && e.version <= item.publishedVersion!,
        )
        .map((e) => ({ version: e.version, reason: e.reason!, at: e.at }))
    : [];
  return {
    organ,
    item,
    column: columns.find((c) => c.id === item.columnId)!,
    columns,
    files,
    revised,
    corrections,
  };
}

export async function publicFile(deps: AppDeps, organId: string, fileId: string): Promise<ItemFile> {
  const f = await deps.store.publication.files.find(fileId);
  if (!f) throw new AppError('file_not_found', '找不到该附件', 'not_found');
  const { item } = await itemPage(deps, organId, f.itemId);
  if (f.version > item.publishedVersion!) throw new AppError('file_not_found', '找不到该附件', 'not_found');
  return f;
}

export interface SearchParams {
  q: string;
  organ?: string;
  column?: string;
  year?: string;
  validity?: string;
  before?: string;
}

export async function searchItems(deps: AppDeps, p: SearchParams) {
  const terms = queryTerms(p.q ?? '');
  const organs = await remember('organs', () => deps.store.organs.list());
  const t = today(deps);
  if (!terms.length) return { terms, organs, items: [], snippets: [], total: 0, next: null as string | null };
  const organIds = p.organ && organs.some((o) => o.id === p.organ) ? [p.organ] : undefined;
  let columnIds: string[] | undefined;
  if (organIds && p.column) {
    const cols = await ensureCatalogue(deps, organs.find((o) => o.id === p.organ)!);
    const c = cols.find((x) => x.key === p.column);
    if (c) columnIds = subtree(cols, c.id);
  }
  const year = /^\d{4}$/.test(p.year ?? '') ? Number(p.year) : undefined;
  const validity = ['valid', 'expired', 'repealed'].includes(p.validity ?? '') ? p.validity : undefined;
  const beforeRowid = /^\d{1,12}$/.test(p.before ?? '') ? Number(p.before) : undefined;
  const q = {
    terms,
    today: t,
    limit: PAGE_SIZE + 1,
    ...(organIds ? { organIds } : {}),
    ...(columnIds ? { columnIds } : {}),
    ...(year ? { year } : {}),
    ...(validity ? { validity } : {}),
    ...(beforeRowid ? { beforeRowid } : {}),
  };
  const rows = await deps.store.publication.items.search(q);
  const items = rows.slice(0, PAGE_SIZE);
  // the first page tells the count when it is short; otherwise count up to 1000
  const total =
    !beforeRowid && rows.length <= PAGE_SIZE
      ? rows.length
      : await deps.store.publication.items.countSearch({ ...q, limit: 0 }, 1000);
  const snippets = items.map((r) => ({
    title: snippet(r.title, terms, escapeHtml, '<mark>', '</mark>', 100),
    body: snippet(r.bodyText, terms, escapeHtml),
  }));
  return {
    terms,
    organs,
    items,
    snippets,
    total,
    next: rows.length > PAGE_SIZE ? String(items[items.length - 1]!.searchRowid) : null,
  };
}

/** 条例第二十六条: the items of a year published more than 20 working days after they were formed. */
export async function lateItems(deps: AppDeps, organIds: string[], year: number) {
  const rows = await deps.store.publication.items.publishedInYear(organIds, year);
  return rows
    .map((r) => ({ item: r, ...timeliness(r.formedOn, r.firstPublishedOn!, deps.calendar) }))
    .filter((x) => x.late);
}

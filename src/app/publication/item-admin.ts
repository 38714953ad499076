/**
 * Use cases of the back office's 主动公开 pages: the organ's item list, the new-item form, one item with its
 * history, versions, files and 条例第二十六条 timeliness, an upload, and the late list.
 */
import type { ColumnRow, StaffUser } from '../../core/entities.js';
import { type ItemState, replayItem, timeliness } from '../../core/publication/item-model.js';
import { extractAttachmentText } from '../../adapters/parse/extract-text.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { authorize } from '../policies/authorize.js';
import { canReadItem } from '../policies/item-policy.js';
import { visibleOrganIds } from '../policies/case-policy.js';
import { sniffType } from '../cases/attachments.js';
import { addItemFile, ensureCatalogue } from './items.js';
import { lateItems } from './portal.js';

export const ITEMS_PER_PAGE = 50;
const STATES: ItemState[] = ['draft', 'attributed', 'reviewed', 'approved', 'published', 'withdrawn'];

/** The organ's items, optionally one state and a title / 索引号 search, 50 a page. */
export async function listOrganItems(
  deps: AppDeps,
  user: StaffUser,
  input: { state?: string | undefined; q?: string | undefined; page?: string | undefined },
) {
  const state = STATES.includes(input.state as ItemState) ? (input.state as ItemState) : '';
  const search = (input.q ?? '').trim().slice(0, 50);
  const q = { states: state ? [state] : null, ...(search ? { search } : {}) };
  const total = await deps.store.publication.items.countForOrgan(user.organId, q);
  const pages = Math.max(1, Math.ceil(total / ITEMS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.floor(Number(input.page)) || 1), pages);
  const items = await deps.store.publication.items.listForOrgan(user.organId, {
    ...q,
    limit: ITEMS_PER_PAGE,
    offset: (page - 1) * ITEMS_PER_PAGE,
  });
  return { items, state, search, page, pages, total };
}

/** The user's organ's columns (the catalogue), created on first use. */
export async function organColumns(deps: AppDeps, user: StaffUser): Promise<ColumnRow[]> {
  return ensureCatalogue(deps, (await deps.store.organs.find(user.organId))!);
}

/** One item as the back office shows it. */
export async function itemAdminView(deps: AppDeps, user: StaffUser, id: string) {
  const item = await deps.store.publication.items.find(id);
  const organs = await deps.store.organs.list();
  if (!item) throw new AppError('item_not_found', '找不到该信息', 'not_found');
  authorize(user, canReadItem, { item, organs });
  const [events, versions, files] = await Promise.all([
    deps.store.publication.items.events(id),
    deps.store.publication.items.versions(id),
    deps.store.publication.files.list(id),
  ]);
  const { snapshot } = replayItem(events.map((e) => e.event));
  // 条例第二十六条: within 20 working days of 成文日期
  const timely = snapshot.firstPublishedOn
    ? timeliness(versions[0]!.meta.formedOn, snapshot.firstPublishedOn, deps.calendar)
    : null;
  const columns = await ensureCatalogue(deps, organs.find((o) => o.id === item.organId)!);
  return { item: item, snapshot, versions, events, files, columns, today: today(deps), timely };
}

/** Attaches a file to the item's working version (its text extracted for search). */
export async function uploadItemFile(
  deps: AppDeps,
  user: StaffUser,
  itemId: string,
  file: { filename: string; bytes: Uint8Array } | null,
  ip: string,
) {
  if (!file) throw new AppError('file_missing', '请选择要上传的文件', 'invalid');
  return addItemFile(
    deps,
    user,
    itemId,
    file.filename || 'file',
    file.bytes,
    extractAttachmentText,
    sniffType,
    ip,
  );
}

/** Items of the user's organs published later than 条例第二十六条 allows, in the year. */
export async function lateItemsFor(deps: AppDeps, user: StaffUser, year: number) {
  return lateItems(deps, visibleOrganIds(user, await deps.store.organs.list()), year);
}

/**
 * The one definition of "the public sees this item today". Every in-memory check calls `isPublicNow` (the portal's
 * item page and its files in app/publication/portal.ts, the JSON API's item in app/publication/public-pages.ts);
 * the store's public queries (listPublic, countPublic, search, countSearch — so also columns, feeds and the
 * sitemap) implement the same three conditions in SQL: see `publicFilter` and `sqliteSearch` in
 * src/adapters/storage/kysely/kysely-publication-store.ts. Change them together.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { ItemSnapshot } from './item-model.js';

/** The fields the predicate reads (an `ItemRow` or an `ItemSnapshot` has them). */
export type PublicFields = Pick<ItemSnapshot, 'state' | 'publishedVersion' | 'publishedOn'>;

/**
 * Whether the public sees an item on `today`: a version has been published, the item is not withdrawn (撤回), and
 * its publication day has come (a scheduled publication appears on its day, not before). An item being revised
 * keeps its published version up, so it stays public. ISO dates compare as strings, exactly as in SQL
 * (`published_version IS NOT NULL AND state != 'withdrawn' AND published_on <= today`).
 *
 * @example isPublicNow({ state: 'published', publishedVersion: 1, publishedOn: '2024-03-01' }, '2024-03-01') // true
 */
export function isPublicNow<T extends PublicFields>(
  item: T,
  today: IsoDate,
): item is T & { publishedVersion: number; publishedOn: IsoDate } {
  return (
    item.publishedVersion !== null &&
    item.state !== 'withdrawn' &&
    item.publishedOn !== null &&
    item.publishedOn <= today
  );
}

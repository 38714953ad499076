/**
 * 主动公开 storage over Kysely. Search: SQLite FTS5 (contentless; unigram and bigram columns; a term is a phrase of
 * its bigrams) and PostgreSQL (GIN over unigram/bigram arrays plus an exact substring check). Both give the same
 * results: every term is a substring of the normalised searchable text (core/publication/search-text.ts).
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { ColumnRow, ItemFile, ItemRow, ItemVersion, StoredItemEvent } from '../../../core/entities.js';
import type { PublicQuery, PublicationStore } from '../../../core/ports.js';
import type { ItemState } from '../../../core/publication/item-model.js';
import type { ItemEvent, ItemMeta } from '../../../core/publication/item-model.js';
import { termBigrams } from '../../../core/publication/search-text.js';
import type { Database } from './schema.js';
import type { Dialect } from './migrations.js';
import { nextCounter } from './counters.js';

type Db = Kysely<Database> | Transaction<Database>;
type Wrap = <T>(what: string, fn: () => Promise<T>) => Promise<T>;

const toColumn = (r: Database['columns']): ColumnRow => ({
  id: r.id,
  organId: r.organ_id,
  key: r.key,
  parentId: r.parent_id,
  name: r.name,
  kind: r.kind as ColumnRow['kind'],
  article: r.article,
  sort: Number(r.sort),
});
const toItem = (r: Database['items']): ItemRow => ({
  id: r.id,
  organId: r.organ_id,
  columnId: r.column_id,
  indexNo: r.index_no,
  title: r.title,
  topic: r.topic,
  publisher: r.publisher,
  formedOn: r.formed_on,
  docNumber: r.doc_number,
  docType: r.doc_type as ItemRow['docType'],
  validity: r.validity as ItemRow['validity'],
  validityDate: r.validity_date,
  repealedBy: r.repealed_by,
  openMode: r.open_mode,
  state: r.state as ItemRow['state'],
  version: Number(r.version),
  publishedVersion: r.published_version === null ? null : Number(r.published_version),
  publishedOn: r.published_on,
  firstPublishedOn: r.first_published_on,
  searchRowid: r.search_rowid === null ? null : Number(r.search_rowid),
  bodyHtml: r.body_html,
  bodyText: r.body_text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
});
const LIST_COLUMNS = [
  'id',
  'organ_id',
  'column_id',
  'index_no',
  'title',
  'topic',
  'publisher',
  'formed_on',
  'doc_number',
  'doc_type',
  'validity',
  'validity_date',
  'repealed_by',
  'open_mode',
  'state',
  'version',
  'published_version',
  'published_on',
  'first_published_on',
  'search_rowid',
  'created_at',
  'updated_at',
  'created_by',
] as const;
const toListItem = (
  r: Omit<Database['items'], 'body_html' | 'body_text' | 'search_text' | 'unigrams' | 'bigrams'>,
): ItemRow => toItem({ ...r, body_html: '', body_text: '', search_text: '', unigrams: null, bigrams: null });

/**
 * "The public sees this item today" in SQL: the same three conditions as `isPublicNow` in
 * src/core/publication/public-now.ts (published version, not withdrawn, published on or before today). The
 * SQLite full-text query below repeats them; change all three together.
 */
function publicFilter(db: Db, q: PublicQuery) {
  let x = db
    .selectFrom('items as i')
    .where('i.published_version', 'is not', null)
    .where('i.state', '!=', 'withdrawn')
    .where('i.published_on', '<=', q.today);
  if (q.organIds?.length) x = x.where('i.organ_id', 'in', q.organIds);
  if (q.columnIds?.length) x = x.where('i.column_id', 'in', q.columnIds);
  if (q.year)
    x = x.where('i.published_on', '>=', `${q.year}-01-01`).where('i.published_on', '<=', `${q.year}-12-31`);
  if (q.validity) x = x.where('i.validity', '=', q.validity);
  return x;
}

function staffItems(db: Db, organId: string, q: { states?: ItemState[] | null; search?: string }) {
  let x = db.selectFrom('items').where('organ_id', '=', organId);
  if (q.states?.length) x = x.where('state', 'in', q.states);
  if (q.search) {
    const s = `%${q.search.replace(/[%_\\]/g, '').toUpperCase()}%`;
    x = x.where((eb) =>
      eb.or([eb(eb.fn('upper', ['title']), 'like', s), eb(eb.fn('upper', ['index_no']), 'like', s)]),
    );
  }
  return x;
}

export function buildPublicationStore(db: Db, dialect: Dialect, wrap: Wrap): PublicationStore {
  const ftsMatch = (terms: string[]): string =>
    terms
      .map((t) => ([...t].length === 1 ? `uni : "${t}"` : `bi : "${termBigrams(t).join(' ')}"`))
      .join(' AND ');
  /** SQLite: the FTS table drives the query in rowid order, so LIMIT stops early even for very common terms. */
  const sqliteSearch = (
    q: PublicQuery & { terms: string[]; beforeRowid?: number },
    what: 'rows' | 'count',
    cap: number,
  ) => {
    const where = [
      sql`items_fts MATCH ${ftsMatch(q.terms)}`,
      // isPublicNow (src/core/publication/public-now.ts), as in publicFilter
      sql`i.published_version IS NOT NULL`,
      sql`i.state != 'withdrawn'`,
      sql`i.published_on <= ${q.today}`,
    ];
    if (q.organIds?.length) where.push(sql`i.organ_id IN (${sql.join(q.organIds)})`);
    if (q.columnIds?.length) where.push(sql`i.column_id IN (${sql.join(q.columnIds)})`);
    if (q.year)
      where.push(sql`i.published_on >= ${`${q.year}-01-01`} AND i.published_on <= ${`${q.year}-12-31`}`);
    if (q.validity) where.push(sql`i.validity = ${q.validity}`);
    if (q.beforeRowid) where.push(sql`f.rowid < ${q.beforeRowid}`);
    const cond = sql.join(where, sql` AND `);
    if (what === 'count')
      return sql<{
        n: number;
      }>`SELECT count(*) AS n FROM (SELECT 1 FROM items_fts f JOIN items i ON i.search_rowid = f.rowid WHERE ${cond} LIMIT ${cap})`;
    return sql<
      Database['items']
    >`SELECT ${sql.join(LIST_COLUMNS.map((c) => sql.ref(`i.${c}`)))}, i.body_text FROM items_fts f JOIN items i ON i.search_rowid = f.rowid WHERE ${cond} ORDER BY f.rowid DESC LIMIT ${q.limit}`;
  };
  const searchQuery = (q: PublicQuery & { terms: string[]; beforeRowid?: number }) => {
    let x = publicFilter(db, q);
    for (const t of q.terms) {
      const cs = [...t];
      x =
        cs.length === 1
          ? x.where(sql<boolean>`i.unigrams @> ${[t]}::text[]`)
          : x
              .where(sql<boolean>`i.bigrams @> ${termBigrams(t)}::text[]`)
              .where(sql<boolean>`strpos(i.search_text, ${t}) > 0`);
    }
    if (q.beforeRowid) x = x.where('i.search_rowid', '<', q.beforeRowid);
    return x;
  };
  return {
    columns: {
      createMany: (cols) =>
        wrap('create columns', async () => {
          if (cols.length)
            await db
              .insertInto('columns')
              .values(
                cols.map((c) => ({
                  id: c.id,
                  organ_id: c.organId,
                  key: c.key,
                  parent_id: c.parentId,
                  name: c.name,
                  kind: c.kind,
                  article: c.article,
                  sort: c.sort,
                })),
              )
              .execute();
        }),
      list: (organId) =>
        wrap('list columns', async () =>
          (
            await db
              .selectFrom('columns')
              .selectAll()
              .where('organ_id', '=', organId)
              .orderBy('sort')
              .execute()
          ).map(toColumn),
        ),
      find: (id) =>
        wrap('find column', async () => {
          const r = await db.selectFrom('columns').selectAll().where('id', '=', id).executeTakeFirst();
          return r && toColumn(r);
        }),
      update: (id, f) =>
        wrap('update column', async () => {
          const set: Partial<Database['columns']> = {};
          if (f.name !== undefined) set.name = f.name;
          if (f.sort !== undefined) set.sort = f.sort;
          if (Object.keys(set).length)
            await db.updateTable('columns').set(set).where('id', '=', id).execute();
        }),
    },
    items: {
      nextSerial: (organId, year) =>
        wrap('allocate an index number', () => nextCounter(db, `items:${organId}`, year)),
      create: (row, v, first) =>
        wrap('create item', async () => {
          await db
            .insertInto('items')
            .values({
              id: row.id,
              organ_id: row.organId,
              column_id: row.columnId,
              index_no: row.indexNo,
              title: row.title,
              topic: row.topic,
              publisher: row.publisher,
              formed_on: row.formedOn,
              doc_number: row.docNumber,
              doc_type: row.docType,
              validity: row.validity,
              validity_date: row.validityDate,
              repealed_by: row.repealedBy,
              open_mode: row.openMode,
              state: row.state,
              version: row.version,
              published_version: null,
              published_on: null,
              first_published_on: null,
              search_rowid: null,
              body_html: '',
              body_text: '',
              search_text: '',
              unigrams: null,
              bigrams: null,
              created_at: row.createdAt,
              updated_at: row.updatedAt,
              created_by: row.createdBy,
            })
            .execute();
          await db
            .insertInto('item_versions')
            .values({
              item_id: v.itemId,
              version: v.version,
              title: v.title,
              body_html: v.bodyHtml,
              body_text: v.bodyText,
              meta: JSON.stringify(v.meta),
              created_at: v.createdAt,
              created_by: v.createdBy,
            })
            .execute();
          await db
            .insertInto('item_events')
            .values({
              item_id: first.itemId,
              seq: first.seq,
              kind: first.event.kind,
              payload: JSON.stringify(first.event),
              at: first.event.at,
              actor_id: first.actorId,
              actor_role: first.actorRole,
            })
            .execute();
        }),
      find: (id) =>
        wrap('find item', async () => {
          const r = await db
            .selectFrom('items')
            .select([...LIST_COLUMNS, 'body_html', 'body_text'])
            .where('id', '=', id)
            .executeTakeFirst();
          return r && toItem({ ...r, search_text: '', unigrams: null, bigrams: null });
        }),
      listForOrgan: (organId, q) =>
        wrap('list items', async () =>
          (
            await staffItems(db, organId, q)
              .select(LIST_COLUMNS)
              .orderBy('updated_at', 'desc')
              .orderBy('id')
              .limit(q.limit)
              .offset(q.offset ?? 0)
              .execute()
          ).map(toListItem),
        ),
      countForOrgan: (organId, q) =>
        wrap('count items', async () =>
          Number(
            (
              await staffItems(db, organId, q)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      events: (id) =>
        wrap('read item history', async () =>
          (
            await db.selectFrom('item_events').selectAll().where('item_id', '=', id).orderBy('seq').execute()
          ).map((r) => ({
            itemId: r.item_id,
            seq: Number(r.seq),
            event: JSON.parse(r.payload) as ItemEvent,
            actorId: r.actor_id,
            actorRole: r.actor_role,
          })),
        ),
      versions: (id) =>
        wrap('read item versions', async () =>
          (
            await db
              .selectFrom('item_versions')
              .selectAll()
              .where('item_id', '=', id)
              .orderBy('version')
              .execute()
          ).map((r) => ({
            itemId: r.item_id,
            version: Number(r.version),
            title: r.title,
            bodyHtml: r.body_html,
            bodyText: r.body_text,
            meta: JSON.parse(r.meta) as ItemMeta,
            createdAt: r.created_at,
            createdBy: r.created_by,
          })),
        ),
      appendEvent: (e, f) =>
        wrap('append an item event', async () => {
          await db
            .insertInto('item_events')
            .values({
              item_id: e.itemId,
              seq: e.seq,
              kind: e.event.kind,
              payload: JSON.stringify(e.event),
              at: e.event.at,
              actor_id: e.actorId,
              actor_role: e.actorRole,
            })
            .execute();
          await db
            .updateTable('items')
            .set({ state: f.state, version: f.version, updated_at: f.updatedAt })
            .where('id', '=', e.itemId)
            .execute();
        }),
      saveVersion: (v) =>
        wrap('save item version', async () => {
          const existing = await db
            .selectFrom('item_versions')
            .select('version')
            .where('item_id', '=', v.itemId)
            .where('version', '=', v.version)
            .executeTakeFirst();
          if (existing)
            await db
              .updateTable('item_versions')
              .set({
                title: v.title,
                body_html: v.bodyHtml,
                body_text: v.bodyText,
                meta: JSON.stringify(v.meta),
                created_at: v.createdAt,
                created_by: v.createdBy,
              })
              .where('item_id', '=', v.itemId)
              .where('version', '=', v.version)
              .execute();
          else
            await db
              .insertInto('item_versions')
              .values({
                item_id: v.itemId,
                version: v.version,
                title: v.title,
                body_html: v.bodyHtml,
                body_text: v.bodyText,
                meta: JSON.stringify(v.meta),
                created_at: v.createdAt,
                created_by: v.createdBy,
              })
              .execute();
        }),
      publish: (id, idx) =>
        wrap('publish item', async () => {
          const old = await db
            .selectFrom('items')
            .select(['search_rowid', 'first_published_on'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          if (old.search_rowid !== null && dialect === 'sqlite')
            await sql`DELETE FROM items_fts WHERE rowid = ${old.search_rowid}`.execute(db);
          const rowid = await nextCounter(db, 'items:rowid', 0);
          const m = idx.meta;
          await db
            .updateTable('items')
            .set({
              title: idx.title,
              column_id: m.columnId,
              topic: m.topic,
              publisher: m.publisher,
              formed_on: m.formedOn,
              doc_number: m.docNumber,
              doc_type: m.docType,
              open_mode: m.openMode,
              published_version: idx.publishedVersion,
              published_on: idx.publishedOn,
              first_published_on: old.first_published_on ?? idx.publishedOn,
              search_rowid: rowid,
              body_html: idx.bodyHtml,
              body_text: idx.bodyText,
              search_text: idx.searchText,
              unigrams: dialect === 'postgres' ? (sql`${[...new Set(idx.unigrams)]}::text[]` as never) : null,
              bigrams: dialect === 'postgres' ? (sql`${[...new Set(idx.bigrams)]}::text[]` as never) : null,
            })
            .where('id', '=', id)
            .execute();
          if (dialect === 'sqlite')
            await sql`INSERT INTO items_fts(rowid, uni, bi) VALUES (${rowid}, ${idx.unigrams.join(' ')}, ${idx.bigrams.join(' ')})`.execute(
              db,
            );
          return rowid;
        }),
      unpublish: (id) =>
        wrap('unpublish item', async () => {
          const old = await db
            .selectFrom('items')
            .select('search_rowid')
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          if (old.search_rowid !== null && dialect === 'sqlite')
            await sql`DELETE FROM items_fts WHERE rowid = ${old.search_rowid}`.execute(db);
          // withdrawn (撤回): no version is published any more (isPublicNow: published_version IS NOT NULL)
          await db
            .updateTable('items')
            .set({ unigrams: null, bigrams: null, published_version: null })
            .where('id', '=', id)
            .execute();
        }),
      setValidity: (id, v, d, by) =>
        wrap('change validity', async () => {
          await db
            .updateTable('items')
            .set({ validity: v, validity_date: d, repealed_by: by })
            .where('id', '=', id)
            .execute();
        }),
      listPublic: (q) =>
        wrap('list published items', async () => {
          let x = publicFilter(db, q);
          if (q.before) {
            const b = q.before;
            x = x.where((eb) =>
              eb.or([
                eb('i.published_on', '<', b.publishedOn),
                eb.and([eb('i.published_on', '=', b.publishedOn), eb('i.search_rowid', '<', b.rowid)]),
              ]),
            );
          }
          return (
            await x
              .select(LIST_COLUMNS.map((c) => `i.${c}` as const))
              .orderBy('i.published_on', 'desc')
              .orderBy('i.search_rowid', 'desc')
              .limit(q.limit)
              .execute()
          ).map((r) => toListItem(r as never));
        }),
      countPublic: (q, cap) =>
        wrap('count published items', async () =>
          Number(
            (
              await db
                .selectFrom(publicFilter(db, q).select('i.id').limit(cap).as('t'))
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      search: (q) =>
        wrap('search items', async () => {
          const rows =
            dialect === 'sqlite'
              ? (await sqliteSearch(q, 'rows', 0).execute(db)).rows
              : await searchQuery(q)
                  .select([...LIST_COLUMNS.map((c) => `i.${c}` as const), 'i.body_text'])
                  .orderBy('i.search_rowid', 'desc')
                  .limit(q.limit)
                  .execute();
          return rows.map((r) =>
            toItem({
              ...(r as never as Database['items']),
              body_html: '',
              search_text: '',
              unigrams: null,
              bigrams: null,
            }),
          );
        }),
      countSearch: (q, cap) =>
        wrap('count search results', async () =>
          dialect === 'sqlite'
            ? Number(
                ((await sqliteSearch({ ...q, limit: 0 }, 'count', cap).execute(db)).rows[0] as { n: number })
                  .n,
              )
            : Number(
                (
                  await db
                    .selectFrom(searchQuery(q).select('i.id').limit(cap).as('t'))
                    .select((eb) => eb.fn.countAll<number>().as('n'))
                    .executeTakeFirstOrThrow()
                ).n,
              ),
        ),
      publishedInYear: (organIds, year) =>
        wrap('list a year of publications', async () =>
          !organIds.length
            ? []
            : (
                await db
                  .selectFrom('items')
                  .select(LIST_COLUMNS)
                  .where('organ_id', 'in', organIds)
                  .where('first_published_on', '>=', `${year}-01-01`)
                  .where('first_published_on', '<=', `${year}-12-31`)
                  .orderBy('first_published_on')
                  .execute()
              ).map(toListItem),
        ),
      documents: (organIds) =>
        wrap('list regulations and normative documents', async () =>
          !organIds.length
            ? []
            : (
                await db
                  .selectFrom('items')
                  .select(LIST_COLUMNS)
                  .where('organ_id', 'in', organIds)
                  .where('doc_type', 'in', ['regulation', 'normative'])
                  .where('first_published_on', 'is not', null)
                  .execute()
              ).map(toListItem),
        ),
    },
    files: {
      add: (f) =>
        wrap('add item file', async () => {
          await db
            .insertInto('item_files')
            .values({
              id: f.id,
              item_id: f.itemId,
              version: f.version,
              filename: f.filename,
              mime: f.mime,
              size: f.size,
              storage_key: f.storageKey,
              text: f.text,
              created_at: f.createdAt,
            })
            .execute();
        }),
      list: (itemId) =>
        wrap('list item files', async () =>
          (
            await db
              .selectFrom('item_files')
              .selectAll()
              .where('item_id', '=', itemId)
              .orderBy('created_at')
              .execute()
          ).map((r) => ({
            id: r.id,
            itemId: r.item_id,
            version: Number(r.version),
            filename: r.filename,
            mime: r.mime,
            size: Number(r.size),
            storageKey: r.storage_key,
            text: r.text,
            createdAt: r.created_at,
          })),
        ),
      find: (id) =>
        wrap('find item file', async () => {
          const r = await db.selectFrom('item_files').selectAll().where('id', '=', id).executeTakeFirst();
          return (
            r && {
              id: r.id,
              itemId: r.item_id,
              version: Number(r.version),
              filename: r.filename,
              mime: r.mime,
              size: Number(r.size),
              storageKey: r.storage_key,
              text: r.text,
              createdAt: r.created_at,
            }
          );
        }),
    },
  };
}

/**
 * The one migration set, for SQLite and PostgreSQL. Append-only tables (case_events, audit_log, item_events,
 * issued_letters) get triggers that refuse UPDATE and DELETE, in each dialect's syntax.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

function m001(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('organs')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.references('organs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('office_name', 'text', (c) => c.notNull())
        .addColumn('seal_name', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('postcode', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('hours', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('sessions')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cases')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('serial', 'integer', (c) => c.notNull())
        .addColumn('query_code_hash', 'text', (c) => c.notNull())
        .addColumn('applicant_name', 'text', (c) => c.notNull())
        .addColumn('applicant_type', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('cases_organ_year_serial', ['organ_id', 'year', 'serial'])
        .execute();
      await db.schema
        .createIndex('cases_organ_state')
        .ifNotExists()
        .on('cases')
        .columns(['organ_id', 'state'])
        .execute();
      await db.schema
        .createIndex('cases_organ_due')
        .ifNotExists()
        .on('cases')
        .columns(['organ_id', 'due_on'])
        .execute();
      await db.schema
        .createTable('case_events')
        .ifNotExists()
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
        .execute();
      await db.schema
        .createTable('counters')
        .ifNotExists()
        .addColumn('organ_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_serial', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('counters_pk', ['organ_id', 'year'])
        .execute();
      await db.schema
        .createTable('approvals')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('organ_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('comment', 'text')
        .execute();
      await db.schema
        .createTable('attachments')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('reviews')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('organ_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('filed_on', 'text', (c) => c.notNull())
        .addColumn('concluded_on', 'text')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('organ_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_organ_at')
        .ifNotExists()
        .on('audit_log')
        .columns(['organ_id', 'at'])
        .execute();
      // append-only: refuse UPDATE and DELETE on the case history and the audit log
      for (const t of ['case_events', 'audit_log']) {
        if (dialect === 'sqlite') {
          await sql
            .raw(
              `CREATE TRIGGER IF NOT EXISTS ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
            )
            .execute(db);
          await sql
            .raw(
              `CREATE TRIGGER IF NOT EXISTS ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
            )
            .execute(db);
        } else {
          await sql
            .raw(
              `CREATE OR REPLACE FUNCTION ${t}_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${t} is append-only'; END $$ LANGUAGE plpgsql`,
            )
            .execute(db);
          await sql.raw(`DROP TRIGGER IF EXISTS ${t}_no_change ON ${t}`).execute(db);
          await sql
            .raw(
              `CREATE TRIGGER ${t}_no_change BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${t}_append_only()`,
            )
            .execute(db);
        }
      }
    },
    async down(db: Kysely<any>) {
      for (const t of [
        'audit_log',
        'reviews',
        'attachments',
        'approvals',
        'counters',
        'case_events',
        'cases',
        'sessions',
        'users',
        'organs',
      ])
        await db.schema.dropTable(t).ifExists().execute();
    },
  };
}

function m002(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('columns')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('article', 'text')
        .addColumn('sort', 'integer', (c) => c.notNull())
        .addUniqueConstraint('columns_organ_key', ['organ_id', 'key'])
        .execute();
      await db.schema
        .createTable('items')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('column_id', 'text', (c) => c.notNull().references('columns.id'))
        .addColumn('index_no', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('publisher', 'text', (c) => c.notNull())
        .addColumn('formed_on', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text', (c) => c.notNull())
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('validity', 'text', (c) => c.notNull())
        .addColumn('validity_date', 'text')
        .addColumn('repealed_by', 'text')
        .addColumn('open_mode', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('published_on', 'text')
        .addColumn('first_published_on', 'text')
        .addColumn('search_rowid', 'integer', (c) => c.unique())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('unigrams', dialect === 'postgres' ? sql`text[]` : 'text')
        .addColumn('bigrams', dialect === 'postgres' ? sql`text[]` : 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('items_column_pub')
        .ifNotExists()
        .on('items')
        .columns(['column_id', 'published_on', 'search_rowid'])
        .execute();
      await db.schema
        .createIndex('items_organ_pub')
        .ifNotExists()
        .on('items')
        .columns(['organ_id', 'published_on', 'search_rowid'])
        .execute();
      await db.schema
        .createIndex('items_organ_state')
        .ifNotExists()
        .on('items')
        .columns(['organ_id', 'state'])
        .execute();
      await db.schema
        .createTable('item_versions')
        .ifNotExists()
        .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('meta', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('item_versions_pk', ['item_id', 'version'])
        .execute();
      await db.schema
        .createTable('item_events')
        .ifNotExists()
        .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('item_events_pk', ['item_id', 'seq'])
        .execute();
      await db.schema
        .createTable('item_files')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      if (dialect === 'sqlite') {
        await sql
          .raw(
            "CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(uni, bi, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER IF NOT EXISTS item_events_no_update BEFORE UPDATE ON item_events BEGIN SELECT RAISE(ABORT, 'item_events is append-only'); END`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER IF NOT EXISTS item_events_no_delete BEFORE DELETE ON item_events BEGIN SELECT RAISE(ABORT, 'item_events is append-only'); END`,
          )
          .execute(db);
      } else {
        await sql
          .raw('CREATE INDEX IF NOT EXISTS items_unigrams_gin ON items USING gin (unigrams)')
          .execute(db);
        await sql
          .raw('CREATE INDEX IF NOT EXISTS items_bigrams_gin ON items USING gin (bigrams)')
          .execute(db);
        await sql
          .raw(
            `CREATE OR REPLACE FUNCTION item_events_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'item_events is append-only'; END $$ LANGUAGE plpgsql`,
          )
          .execute(db);
        await sql.raw('DROP TRIGGER IF EXISTS item_events_no_change ON item_events').execute(db);
        await sql
          .raw(
            'CREATE TRIGGER item_events_no_change BEFORE UPDATE OR DELETE ON item_events FOR EACH ROW EXECUTE FUNCTION item_events_append_only()',
          )
          .execute(db);
      }
    },
    async down(db: Kysely<any>) {
      if (dialect === 'sqlite') await sql.raw('DROP TABLE IF EXISTS items_fts').execute(db);
      for (const t of ['item_files', 'item_events', 'item_versions', 'items', 'columns'])
        await db.schema.dropTable(t).ifExists().execute();
    },
  };
}

const m003: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('calendar_entries')
      .ifNotExists()
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('calendar_entries').ifExists().execute();
  },
};

/** Each organ's 索引号 pattern (existing organs keep the default they were numbered with). */
const m004: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('organs')
      .addColumn('index_pattern', 'text', (c) => c.notNull().defaultTo('{code}/{year}-{serial:5}'))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('organs').dropColumn('index_pattern').execute();
  },
};

/** Staff API tokens (only an HMAC of each token is kept). */
const m005: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('api_tokens')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('organ_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('api_tokens').ifExists().execute();
  },
};

/** The 年报 deadline a jurisdiction sets for its organs (townships' deadlines are set locally). */
const m006: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('organs').addColumn('report_deadline', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('organs').dropColumn('report_deadline').execute();
  },
};

/** Rate-limit counters in the database, so that several web processes share them. */
const m007: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rate_limits')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window', 'bigint', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('rate_limits').ifExists().execute();
  },
};

/** Failed logins per account and client: a backoff per client instead of one lock an attacker can trigger. */
const m008: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('login_failures')
      .ifNotExists()
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('client', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('login_failures_pk', ['username', 'client'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('login_failures').ifExists().execute();
  },
};

/**
 * Letters as records: every letter an event issues is frozen in `issued_letters` in the same transaction as the
 * event (its 文号, dates, deadlines, the organ's name, address, phone and seal, the outcome text, the rights
 * notice), append-only like the case history; a wrong letter is replaced by a new row naming it (`replaces_id`).
 * Each event issues at most one letter and each letter is replaced at most once (unique, NULLs apart).
 * The organ gets its 机关代字 (`doc_code`, for 文号) and its uploaded 电子印章 (`seal_image`: key, type, sha256).
 *
 * Cases recorded before this migration (demo data, existing installations) have no rows here: their letters are
 * frozen once, on first read (or before their next event), from their history with the organ data and calendar
 * of that day — `issued_at` then says when that happened, not when the event was recorded.
 */
function m009(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('organs')
        .addColumn('doc_code', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.alterTable('organs').addColumn('seal_image', 'text').execute();
      await db.schema
        .createTable('issued_letters')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('issued_by_event_seq', 'integer')
        .addColumn('replaces_id', 'text', (c) => c.references('issued_letters.id'))
        .addColumn('content', 'text', (c) => c.notNull())
        .addUniqueConstraint('issued_letters_case_seq', ['case_id', 'seq'])
        .addUniqueConstraint('issued_letters_case_event', ['case_id', 'issued_by_event_seq'])
        .addUniqueConstraint('issued_letters_replaces', ['replaces_id'])
        .execute();
      if (dialect === 'sqlite') {
        for (const op of ['update', 'delete'])
          await sql
            .raw(
              `CREATE TRIGGER IF NOT EXISTS issued_letters_no_${op} BEFORE ${op.toUpperCase()} ON issued_letters BEGIN SELECT RAISE(ABORT, 'issued_letters is append-only'); END`,
            )
            .execute(db);
      } else {
        await sql
          .raw(
            `CREATE OR REPLACE FUNCTION issued_letters_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'issued_letters is append-only'; END $$ LANGUAGE plpgsql`,
          )
          .execute(db);
        await sql.raw('DROP TRIGGER IF EXISTS issued_letters_no_change ON issued_letters').execute(db);
        await sql
          .raw(
            'CREATE TRIGGER issued_letters_no_change BEFORE UPDATE OR DELETE ON issued_letters FOR EACH ROW EXECUTE FUNCTION issued_letters_append_only()',
          )
          .execute(db);
      }
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('issued_letters').ifExists().execute();
      if (dialect === 'postgres')
        await sql.raw('DROP FUNCTION IF EXISTS issued_letters_append_only()').execute(db);
      await db.schema.alterTable('organs').dropColumn('seal_image').execute();
      await db.schema.alterTable('organs').dropColumn('doc_code').execute();
    },
  };
}

/** Submissions by the key their form carried: reload, back-and-resubmit and a double click file one case. */
const m010: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('submissions')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('submissions').ifExists().execute();
  },
};

/** A new account or a reset password must be changed at the first login. */
const m012: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  },
};

/** 保密审查 of files released to applicants: without a passed review a file never reaches the applicant. */
const m013: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('release_reviews')
      .ifNotExists()
      .addColumn('attachment_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('by_user', 'text', (c) => c.notNull())
      .addColumn('by_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('release_reviews_case')
      .ifNotExists()
      .on('release_reviews')
      .column('case_id')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('release_reviews').ifExists().execute();
  },
};

/**
 * The organ's 传真 and 互联网联系方式 (条例第十二条: the 指南 names them) and whether applicants may upload a copy of
 * their 身份证明 / 营业执照 and a 委托书 with an online application. A case's wrongly classified attachment can be
 * reclassified, or removed with a reason: a removed file is hidden, never deleted (its bytes and row stay).
 */
const m014: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('organs')
      .addColumn('fax', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('organs')
      .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('organs')
      .addColumn('applicant_uploads', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('attachments').addColumn('removed_at', 'text').execute();
    await db.schema.alterTable('attachments').addColumn('removed_by', 'text').execute();
    await db.schema.alterTable('attachments').addColumn('removed_reason', 'text').execute();
  },
  async down(db: Kysely<any>) {
    for (const c of ['removed_reason', 'removed_by', 'removed_at'])
      await db.schema.alterTable('attachments').dropColumn(c).execute();
    for (const c of ['applicant_uploads', 'website', 'fax'])
      await db.schema.alterTable('organs').dropColumn(c).execute();
  },
};

/**
 * Notices to applicants (one row per notice: its id is the idempotency key of its delivery) and, on SQLite, the
 * embedded runner's job table (on PostgreSQL, graphile-worker keeps its own schema, migrated by the store).
 */
function m015(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('notices')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('organ_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('provider_id', 'text')
        .addColumn('last_error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sealed_secret', 'text')
        .execute();
      await db.schema.createIndex('notices_case').ifNotExists().on('notices').column('case_id').execute();
      await db.schema
        .createIndex('notices_organ_created')
        .ifNotExists()
        .on('notices')
        .columns(['organ_id', 'created_at'])
        .execute();
      if (dialect === 'sqlite') {
        await db.schema
          .createTable('jobs')
          .ifNotExists()
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
          .addColumn('task', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.unique())
          .addColumn('run_at', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('max_attempts', 'integer', (c) => c.notNull())
          .addColumn('last_error', 'text')
          .addColumn('locked_by', 'text')
          .addColumn('locked_until', 'text')
          .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createIndex('jobs_due')
          .ifNotExists()
          .on('jobs')
          .columns(['failed', 'run_at'])
          .execute();
      }
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('notices').ifExists().execute();
      await db.schema.dropTable('jobs').ifExists().execute();
    },
  };
}

/**
 * Staff notices: each staff member's preferences (e-mail for the digest, opt-out, quiet hours), the in-app
 * notifications behind the bell, and the scheduled runs already done (a daily or weekly run happens once, however
 * many processes look at the clock).
 */
const m016: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('staff_prefs')
      .ifNotExists()
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('digest', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('quiet_start', 'integer')
      .addColumn('quiet_end', 'integer')
      .execute();
    await db.schema
      .createTable('staff_notifications')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('organ_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('staff_notifications_user')
      .ifNotExists()
      .on('staff_notifications')
      .columns(['user_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('scheduled_runs')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scheduled_runs_pk', ['name', 'period'])
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['scheduled_runs', 'staff_notifications', 'staff_prefs'])
      await db.schema.dropTable(t).ifExists().execute();
  },
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations: async () => ({
      '001_initial': m001(dialect),
      '002_publication': m002(dialect),
      '003_calendar': m003,
      '004_index_pattern': m004,
      '005_api_tokens': m005,
      '006_report_deadline': m006,
      '007_rate_limits': m007,
      '008_login_failures': m008,
      '010_submissions': m010,
      '012_must_change_password': m012,
      '013_release_reviews': m013,
      '014_organ_guide_attachments': m014,
      '015_notices_jobs': m015(dialect),
      '016_staff_notices': m016,
      '009_issued_letters': m009(dialect),
    }),
  };
}

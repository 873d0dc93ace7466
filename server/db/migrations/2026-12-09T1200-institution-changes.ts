import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
//
// Every BFF instance keeps the nearby search in memory (server/features/institutions/nearby). This log tells each one
// which institutions to reload: a row per institution per writing statement on the tables the search reads, with the
// writing transaction's id so that a reader can re-read what transactions still running at its last look wrote once
// they commit (a sequence alone is handed out before commit, so it would skip them). A row without an institution
// (the region names or grade labels changed) asks for a full reload.
const SOURCES = ['institutions', 'institution_classes', 'institution_services', 'sanctions']
const REFERENCE = ['regions', 'grade_levels']
const EVENTS = [
  { event: 'INSERT', table: 'NEW TABLE' },
  { event: 'UPDATE', table: 'NEW TABLE' },
  { event: 'DELETE', table: 'OLD TABLE' },
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE institution_changes (
      seq bigserial PRIMARY KEY,
      tx bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
      institution_id uuid,
      changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`.execute(db)
  await sql`CREATE INDEX institution_changes_tx_idx ON institution_changes (tx)`.execute(db)
  await sql`CREATE INDEX institution_changes_changed_at_idx ON institution_changes (changed_at)`.execute(db)

  // Statement-level: an import of 100,000 rows writes one log row per institution, not one trigger call per row.
  await sql`
    CREATE FUNCTION log_institution_changes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'institutions' THEN
        INSERT INTO institution_changes (institution_id) SELECT DISTINCT id FROM changed_rows;
      ELSE
        INSERT INTO institution_changes (institution_id) SELECT DISTINCT institution_id FROM changed_rows;
      END IF;
      RETURN NULL;
    END $$`.execute(db)
  await sql`
    CREATE FUNCTION log_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO institution_changes (institution_id) VALUES (NULL);
      RETURN NULL;
    END $$`.execute(db)

  for (const table of SOURCES) {
    for (const { event, table: transition } of EVENTS) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_log AFTER ${event} ON ${table}
           REFERENCING ${transition} AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION log_institution_changes()`,
        )
        .execute(db)
    }
  }
  for (const table of REFERENCE) {
    await sql
      .raw(`CREATE TRIGGER ${table}_change_log AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION log_reference_change()`)
      .execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of SOURCES) {
    for (const { event } of EVENTS) await sql.raw(`DROP TRIGGER ${table}_${event.toLowerCase()}_log ON ${table}`).execute(db)
  }
  for (const table of REFERENCE) await sql.raw(`DROP TRIGGER ${table}_change_log ON ${table}`).execute(db)
  await sql`DROP FUNCTION log_reference_change()`.execute(db)
  await sql`DROP FUNCTION log_institution_changes()`.execute(db)
  await sql`DROP TABLE institution_changes`.execute(db)
}

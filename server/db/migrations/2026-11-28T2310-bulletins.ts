import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 等级评价公示: a published round. Its entries are read from evaluations, so a corrected import shows in the bulletin.
  await sql`
    CREATE TABLE bulletins (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      round text NOT NULL,
      title text NOT NULL,
      department text NOT NULL,
      -- Null: province-wide.
      city_code text REFERENCES regions(code),
      published_on date NOT NULL,
      intro text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- One province-wide bulletin per round too (NULLS NOT DISTINCT: PostgreSQL 15 and later).
      UNIQUE NULLS NOT DISTINCT (round, city_code)
    )`.execute(db)
  await sql`CREATE INDEX bulletins_published_idx ON bulletins (published_on DESC, created_at DESC)`.execute(db)
  await sql`CREATE INDEX evaluations_round_idx ON evaluations (round)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS evaluations_round_idx`.execute(db)
  await sql`DROP TABLE IF EXISTS bulletins`.execute(db)
}

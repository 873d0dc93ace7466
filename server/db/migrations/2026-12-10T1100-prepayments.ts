import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 预收费 rules: the province's (220000, not a row of regions) and any 市州's own, which replaces it there.
  await sql`
    CREATE TABLE prepayment_rules (
      region_code text PRIMARY KEY CHECK (region_code = '220000' OR region_code ~ '^22[0-9]{2}00$'),
      max_months integer NOT NULL CHECK (max_months BETWEEN 1 AND 24),
      escrow_above_yuan integer CHECK (escrow_above_yuan > 0),
      rule_text text NOT NULL,
      source_document text NOT NULL,
      source_published_on date NOT NULL,
      checked_on date NOT NULL,
      is_demo boolean NOT NULL DEFAULT false,
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  // What a regulator checked at an institution.
  await sql`
    CREATE TABLE institution_prepayments (
      institution_id uuid PRIMARY KEY REFERENCES institutions(id) ON DELETE CASCADE,
      longest_prepayment_months integer NOT NULL CHECK (longest_prepayment_months BETWEEN 0 AND 36),
      escrow_bank text,
      model_contract boolean NOT NULL,
      checked_on date NOT NULL,
      checked_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  // Every accepted rule and record, as the regulator sent it: a later one never loses it.
  await sql`
    CREATE TABLE prepayment_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('rule', 'institution')),
      subject text NOT NULL,
      content jsonb NOT NULL,
      saved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      saved_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX prepayment_versions_subject_idx ON prepayment_versions (kind, subject, saved_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS prepayment_versions`.execute(db)
  await sql`DROP TABLE IF EXISTS institution_prepayments`.execute(db)
  await sql`DROP TABLE IF EXISTS prepayment_rules`.execute(db)
}

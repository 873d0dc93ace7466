import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A form's fee for one class type where it differs from the form's own fee (which every other class pays, as
  // before: nothing to migrate).
  await sql`
    CREATE TABLE institution_class_fees (
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      form text NOT NULL,
      class_type text NOT NULL,
      amount integer NOT NULL CHECK (amount >= 0),
      PRIMARY KEY (institution_id, form, class_type)
    )`.execute(db)
  // Charges besides the care fee: 伙食费, 床品费, 意外保险费.
  await sql`
    CREATE TABLE institution_fee_items (
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      position integer NOT NULL,
      item text NOT NULL CHECK (item IN ('meals', 'bedding', 'insurance')),
      amount integer NOT NULL CHECK (amount >= 0),
      unit text NOT NULL CHECK (unit IN ('month', 'day', 'year', 'once')),
      note text NOT NULL DEFAULT '',
      PRIMARY KEY (institution_id, position)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS institution_fee_items`.execute(db)
  await sql`DROP TABLE IF EXISTS institution_class_fees`.execute(db)
}

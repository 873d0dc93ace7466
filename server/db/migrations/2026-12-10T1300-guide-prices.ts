import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 指导价/限价 for 普惠 (inclusive) and 公办 (public) places, per 市州, class type and monthly form.
  await sql`
    CREATE TABLE guide_prices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      city_code text NOT NULL REFERENCES regions(code),
      scope text NOT NULL CHECK (scope IN ('inclusive', 'public')),
      class_type text NOT NULL,
      form text NOT NULL CHECK (form IN ('full_day', 'half_day')),
      cap_yuan integer NOT NULL CHECK (cap_yuan > 0),
      source_document text NOT NULL,
      valid_from date NOT NULL,
      valid_to date CHECK (valid_to >= valid_from),
      checked_on date NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX guide_prices_city_idx ON guide_prices (city_code, class_type, form)`.execute(db)
  // Every accepted version, as the regulator sent it.
  await sql`
    CREATE TABLE guide_price_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      guide_price_id uuid NOT NULL REFERENCES guide_prices(id) ON DELETE CASCADE,
      content jsonb NOT NULL,
      saved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      saved_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS guide_price_versions`.execute(db)
  await sql`DROP TABLE IF EXISTS guide_prices`.execute(db)
}

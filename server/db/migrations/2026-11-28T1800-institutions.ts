import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public`.execute(db)
  await sql`CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public`.execute(db)

  await sql`
    CREATE TABLE regions (
      code text PRIMARY KEY,
      parent_code text REFERENCES regions(code),
      name text NOT NULL,
      short_name text NOT NULL,
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      sort integer NOT NULL
    )`.execute(db)

  await sql`
    CREATE TABLE grade_levels (
      code text PRIMARY KEY,
      label text NOT NULL,
      rank integer NOT NULL UNIQUE,
      min_score integer NOT NULL
    )`.execute(db)
  await sql`
    CREATE TABLE grade_dimensions (
      code text PRIMARY KEY,
      name text NOT NULL,
      max_score integer NOT NULL,
      sort integer NOT NULL
    )`.execute(db)

  await sql`
    CREATE TABLE institutions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      credit_code text NOT NULL UNIQUE,
      name text NOT NULL,
      kind text NOT NULL,
      ownership text NOT NULL,
      profit text NOT NULL,
      inclusive boolean NOT NULL DEFAULT false,
      demonstration boolean NOT NULL DEFAULT false,
      registering_authority text NOT NULL,
      filed_on date NOT NULL,
      filing_authority text NOT NULL,
      city_code text NOT NULL REFERENCES regions(code),
      district_code text NOT NULL REFERENCES regions(code),
      address text NOT NULL,
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      phone text NOT NULL,
      description text NOT NULL DEFAULT '',
      refund_policy text NOT NULL DEFAULT '',
      prepayment_terms text NOT NULL DEFAULT '',
      committee_established_on date,
      is_demo boolean NOT NULL DEFAULT false,
      -- Summary columns derived from the rows below on every import, so the nearby search filters and sorts on one table.
      service_forms text[] NOT NULL DEFAULT '{}',
      monthly_fee_min integer,
      monthly_fee_max integer,
      free_places integer NOT NULL DEFAULT 0,
      breaches_limits boolean NOT NULL DEFAULT false,
      grade_level text REFERENCES grade_levels(code),
      grade_rank integer,
      grade_score integer,
      graded_on date,
      grade_valid_until date,
      staff_updated_at timestamptz NOT NULL DEFAULT now(),
      vacancies_updated_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX institutions_earth_idx ON institutions USING gist (ll_to_earth(lat, lng))`.execute(db)
  await sql`CREATE INDEX institutions_city_idx ON institutions (city_code)`.execute(db)
  await sql`CREATE INDEX institutions_district_idx ON institutions (district_code)`.execute(db)
  await sql`CREATE INDEX institutions_grade_idx ON institutions (grade_rank DESC NULLS LAST, name)`.execute(db)

  await sql`
    CREATE TABLE institution_services (
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      form text NOT NULL,
      hours text NOT NULL,
      days text NOT NULL,
      fee integer NOT NULL,
      fee_unit text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (institution_id, form)
    )`.execute(db)

  await sql`
    CREATE TABLE institution_classes (
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      position integer NOT NULL,
      type text NOT NULL,
      name text NOT NULL,
      min_age_months integer NOT NULL,
      max_age_months integer NOT NULL,
      capacity integer NOT NULL,
      enrolled integer NOT NULL,
      caregivers integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (institution_id, position)
    )`.execute(db)
  await sql`CREATE INDEX institution_classes_age_idx ON institution_classes (min_age_months, max_age_months)`.execute(db)

  await sql`
    CREATE TABLE institution_staff (
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      role text NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (institution_id, role)
    )`.execute(db)

  await sql`
    CREATE TABLE evaluations (
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      round text NOT NULL,
      evaluated_on date NOT NULL,
      valid_until date NOT NULL,
      level text NOT NULL REFERENCES grade_levels(code),
      score integer NOT NULL,
      department text NOT NULL,
      dimension_scores jsonb NOT NULL,
      PRIMARY KEY (institution_id, evaluated_on)
    )`.execute(db)

  await sql`
    CREATE TABLE sanctions (
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      kind text NOT NULL,
      measure text NOT NULL,
      reason text NOT NULL,
      department text NOT NULL,
      decided_on date NOT NULL,
      PRIMARY KEY (institution_id, decided_on, kind)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sanctions',
    'evaluations',
    'institution_staff',
    'institution_classes',
    'institution_services',
    'institutions',
    'grade_dimensions',
    'grade_levels',
    'regions',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
}

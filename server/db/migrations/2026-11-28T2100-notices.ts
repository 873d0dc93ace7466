import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      author_name text NOT NULL,
      category text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      pinned boolean NOT NULL DEFAULT false,
      expires_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      posted_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      taken_down_at timestamptz,
      taken_down_by uuid REFERENCES users(id) ON DELETE SET NULL,
      takedown_reason text
    )`.execute(db)
  await sql`CREATE INDEX notices_institution_idx ON notices (institution_id, pinned DESC, posted_at DESC)`.execute(db)

  // Every earlier version of a notice, kept when it is edited, withdrawn or taken down.
  await sql`
    CREATE TABLE notice_versions (
      notice_id uuid NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
      version integer NOT NULL,
      category text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      pinned boolean NOT NULL,
      expires_at timestamptz,
      saved_at timestamptz NOT NULL,
      PRIMARY KEY (notice_id, version)
    )`.execute(db)

  await sql`
    CREATE TABLE notice_images (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      notice_id uuid REFERENCES notices(id) ON DELETE CASCADE,
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      storage_key text NOT NULL UNIQUE,
      content_type text NOT NULL,
      bytes integer NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  await sql`
    CREATE TABLE notice_reads (
      notice_id uuid NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notice_id, user_id)
    )`.execute(db)

  await sql`
    CREATE TABLE notice_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      notice_id uuid NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
      reporter_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      reason text NOT NULL,
      reported_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  await sql`
    CREATE TABLE committee_profiles (
      institution_id uuid PRIMARY KEY REFERENCES institutions(id) ON DELETE CASCADE,
      contact text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`
    CREATE TABLE committee_member_names (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      display_name text NOT NULL,
      PRIMARY KEY (user_id, institution_id)
    )`.execute(db)
  await sql`
    CREATE TABLE committee_meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      held_on date NOT NULL,
      title text NOT NULL,
      minutes text NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'committee_meetings',
    'committee_member_names',
    'committee_profiles',
    'notice_reports',
    'notice_reads',
    'notice_images',
    'notice_versions',
    'notices',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
}

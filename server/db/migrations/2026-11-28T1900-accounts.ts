import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wechat_openid text UNIQUE,
      phone text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_sign_in_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  // Refresh sessions: the access token is a short-lived signed JWT, the refresh token a random secret stored hashed.
  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      refresh_token_hash text NOT NULL UNIQUE,
      method text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`.execute(db)
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db)

  await sql`
    CREATE TABLE login_codes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      phone text NOT NULL,
      code_hash text NOT NULL,
      requested_ip text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      failed_attempts integer NOT NULL DEFAULT 0,
      consumed_at timestamptz
    )`.execute(db)
  await sql`CREATE INDEX login_codes_phone_idx ON login_codes (phone, created_at DESC)`.execute(db)

  await sql`
    CREATE TABLE health_centres (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      city_code text NOT NULL REFERENCES regions(code),
      district_code text NOT NULL REFERENCES regions(code),
      address text NOT NULL,
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      phone text NOT NULL,
      is_demo boolean NOT NULL DEFAULT false
    )`.execute(db)

  // Roles other than parent, each with its scope; never deleted, only revoked, so the record of who granted what stays.
  await sql`
    CREATE TABLE role_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('committee', 'centre_staff', 'regulator')),
      institution_id uuid REFERENCES institutions(id),
      centre_id uuid REFERENCES health_centres(id),
      -- No foreign key: 220000 (the whole province) is a valid scope but not a row of regions; the app checks the code.
      region_code text CHECK (region_code ~ '^[0-9]{6}$'),
      granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
      revoked_at timestamptz,
      CHECK ((role = 'committee') = (institution_id IS NOT NULL)),
      CHECK ((role = 'centre_staff') = (centre_id IS NOT NULL)),
      CHECK ((role = 'regulator') = (region_code IS NOT NULL))
    )`.execute(db)
  await sql`CREATE INDEX role_grants_user_idx ON role_grants (user_id) WHERE revoked_at IS NULL`.execute(db)
  // One active grant per user, role and scope, even when two regulators grant at the same moment.
  await sql`CREATE UNIQUE INDEX role_grants_active_unique ON role_grants
    (user_id, role, (COALESCE(institution_id::text, centre_id::text, region_code))) WHERE revoked_at IS NULL`.execute(db)

  await sql`
    CREATE TABLE invitations (
      code text PRIMARY KEY,
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      max_uses integer NOT NULL,
      uses integer NOT NULL DEFAULT 0,
      revoked_at timestamptz
    )`.execute(db)

  await sql`
    CREATE TABLE institution_links (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      invitation_code text REFERENCES invitations(code) ON DELETE SET NULL,
      linked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, institution_id)
    )`.execute(db)

  await sql`
    CREATE TABLE privacy_policies (
      version text PRIMARY KEY,
      published_at timestamptz NOT NULL,
      title text NOT NULL,
      body text NOT NULL
    )`.execute(db)

  // Consent history: one row per acceptance or withdrawal, never updated.
  await sql`
    CREATE TABLE consents (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('privacy_policy', 'child_data')),
      policy_version text NOT NULL REFERENCES privacy_policies(version),
      action text NOT NULL CHECK (action IN ('accept', 'withdraw')),
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX consents_user_idx ON consents (user_id, kind, at DESC)`.execute(db)

  await sql`
    CREATE TABLE children (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      nickname text NOT NULL,
      birth_month text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX children_user_idx ON children (user_id)`.execute(db)

  await sql`
    CREATE TABLE favourites (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      institution_id uuid NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, institution_id)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'favourites',
    'children',
    'consents',
    'privacy_policies',
    'institution_links',
    'invitations',
    'role_grants',
    'health_centres',
    'login_codes',
    'sessions',
    'users',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
}

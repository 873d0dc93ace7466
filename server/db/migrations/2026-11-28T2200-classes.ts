import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 家长课堂 and 亲子活动 of the community health service centres (policy §3).
  await sql`
    CREATE TABLE parenting_classes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id uuid NOT NULL REFERENCES health_centres(id),
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('class', 'activity')),
      topic text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('offline', 'online')),
      description text NOT NULL DEFAULT '',
      venue text NOT NULL,
      address text,
      lat double precision,
      lng double precision,
      online_url text,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      cancellable_until timestamptz NOT NULL,
      speaker text NOT NULL,
      min_age_months integer NOT NULL,
      max_age_months integer NOT NULL,
      capacity integer NOT NULL CHECK (capacity > 0),
      -- Seats held (confirmed, attended, absent): changed only under the row lock, together with the sign-ups.
      confirmed_count integer NOT NULL DEFAULT 0,
      -- The last waiting-list number handed out; taken under the row lock, so it follows arrival order.
      last_queue_number bigint NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
      cancel_reason text,
      cancelled_at timestamptz,
      -- Bumped on every change parents should see (the calendar file's SEQUENCE).
      version integer NOT NULL DEFAULT 0,
      is_demo boolean NOT NULL DEFAULT false,
      -- Demo classes only: what makes topping them up on every start idempotent.
      demo_key text UNIQUE,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at),
      CHECK (cancellable_until <= starts_at),
      CHECK (min_age_months <= max_age_months),
      CHECK (confirmed_count >= 0 AND confirmed_count <= capacity),
      CHECK (mode = 'online' OR (address IS NOT NULL AND lat IS NOT NULL AND lng IS NOT NULL)),
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
    )`.execute(db)
  await sql`CREATE INDEX parenting_classes_upcoming_idx ON parenting_classes (starts_at) WHERE status = 'scheduled'`.execute(db)
  await sql`CREATE INDEX parenting_classes_centre_idx ON parenting_classes (centre_id, starts_at)`.execute(db)
  await sql`CREATE INDEX parenting_classes_earth_idx ON parenting_classes USING gist (ll_to_earth(lat, lng)) WHERE mode = 'offline'`.execute(db)

  await sql`
    CREATE TABLE class_sign_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      class_id uuid NOT NULL REFERENCES parenting_classes(id),
      -- NULL: a seat the centre registered itself (a parent who phoned or came in), not through the app.
      -- Deleting an account goes through releaseSignUpsOfUser first (it frees the seat and promotes); the cascade is a backstop.
      user_id uuid REFERENCES users(id) ON DELETE CASCADE,
      child_id uuid REFERENCES children(id) ON DELETE SET NULL,
      status text NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled', 'class_cancelled', 'attended', 'absent')),
      queue_number bigint NOT NULL,
      -- The WeChat message kinds the parent accepted when signing up: each allows one message.
      subscribed text[] NOT NULL DEFAULT '{}',
      signed_up_at timestamptz NOT NULL DEFAULT now(),
      promoted_at timestamptz,
      cancelled_at timestamptz,
      attendance_marked_at timestamptz,
      UNIQUE (class_id, queue_number)
    )`.execute(db)
  // One live sign-up per parent and class, whatever the application does.
  await sql`CREATE UNIQUE INDEX class_sign_ups_live_unique ON class_sign_ups (class_id, user_id) WHERE status IN ('confirmed', 'waiting')`.execute(db)
  await sql`CREATE INDEX class_sign_ups_waiting_idx ON class_sign_ups (class_id, queue_number) WHERE status = 'waiting'`.execute(db)
  await sql`CREATE INDEX class_sign_ups_user_idx ON class_sign_ups (user_id, signed_up_at DESC)`.execute(db)

  // A general durable job queue: written in the business transaction, run by whichever BFF instance claims it first.
  await sql`
    CREATE TABLE jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      run_at timestamptz NOT NULL DEFAULT now(),
      dedupe_key text UNIQUE,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      locked_by text,
      locked_until timestamptz,
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE done_at IS NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['jobs', 'class_sign_ups', 'parenting_classes']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
}

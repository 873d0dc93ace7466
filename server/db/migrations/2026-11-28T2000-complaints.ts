import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE complaints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tracking_number text NOT NULL UNIQUE,
      secret_hash text NOT NULL,
      -- The client's Idempotency-Key: retries of one filing find the complaint already made.
      idempotency_key uuid NOT NULL UNIQUE,
      -- Null for anonymous complaints, and set to null when the reporter deletes their account.
      reporter_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      anonymous boolean NOT NULL,
      contact_phone text,
      institution_id uuid REFERENCES institutions(id),
      provider_name text,
      provider_address text,
      city_code text NOT NULL REFERENCES regions(code),
      category text NOT NULL,
      description text NOT NULL,
      occurred_at timestamptz NOT NULL,
      filed_at timestamptz NOT NULL DEFAULT now(),
      urgent boolean NOT NULL,
      departments text[] NOT NULL,
      status text NOT NULL,
      accept_by date NOT NULL,
      reply_by date NOT NULL,
      reply text,
      rejection_reason text,
      outcome text,
      rating_score integer,
      rating_comment text,
      rated_at timestamptz,
      sanction jsonb,
      sanction_published_at timestamptz,
      CHECK ((institution_id IS NULL) <> (provider_name IS NULL)),
      CHECK (NOT anonymous OR (reporter_user_id IS NULL AND contact_phone IS NULL))
    )`.execute(db)
  await sql`CREATE INDEX complaints_city_status_idx ON complaints (city_code, status, filed_at DESC)`.execute(db)
  await sql`CREATE INDEX complaints_reporter_idx ON complaints (reporter_user_id) WHERE reporter_user_id IS NOT NULL`.execute(db)

  await sql`
    CREATE TABLE complaint_additions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      complaint_id uuid NOT NULL REFERENCES complaints(id),
      text text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)

  await sql`
    CREATE TABLE complaint_photos (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      complaint_id uuid REFERENCES complaints(id),
      addition_id bigint REFERENCES complaint_additions(id),
      storage_key text NOT NULL UNIQUE,
      content_type text NOT NULL,
      bytes integer NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX complaint_photos_complaint_idx ON complaint_photos (complaint_id)`.execute(db)

  // The audit trail: every step with who and when; the trigger below makes it append-only.
  await sql`
    CREATE TABLE complaint_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      complaint_id uuid NOT NULL REFERENCES complaints(id),
      type text NOT NULL,
      from_status text,
      to_status text,
      actor text NOT NULL CHECK (actor IN ('reporter', 'regulator', 'system')),
      actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      department text,
      note text,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, id)`.execute(db)
  await sql`
    CREATE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Deleting an account nulls actor_user_id (the person leaves, the record stays); nothing else may change.
      IF TG_OP = 'UPDATE' AND NEW.actor_user_id IS NULL AND OLD.actor_user_id IS NOT NULL
         AND (NEW.id, NEW.complaint_id, NEW.type, NEW.from_status, NEW.to_status, NEW.actor, NEW.department, NEW.note, NEW.at)
             IS NOT DISTINCT FROM (OLD.id, OLD.complaint_id, OLD.type, OLD.from_status, OLD.to_status, OLD.actor, OLD.department, OLD.note, OLD.at) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'complaint_events is an append-only audit trail';
    END $$`.execute(db)
  await sql`CREATE TRIGGER complaint_events_no_change BEFORE UPDATE OR DELETE ON complaint_events
    FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only()`.execute(db)

  // Durable outbox: written in the complaint's transaction, delivered by whichever BFF instance claims it first.
  await sql`
    CREATE TABLE complaint_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      complaint_id uuid NOT NULL REFERENCES complaints(id),
      department text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      locked_by text,
      last_error text,
      delivered_at timestamptz,
      UNIQUE (complaint_id, department)
    )`.execute(db)
  await sql`CREATE INDEX complaint_deliveries_due_idx ON complaint_deliveries (next_attempt_at) WHERE delivered_at IS NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['complaint_deliveries', 'complaint_events', 'complaint_photos', 'complaint_additions', 'complaints']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
  await sql`DROP FUNCTION IF EXISTS complaint_events_append_only()`.execute(db)
}

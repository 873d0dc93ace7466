import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 入户指导 requests. A request is about one child and holds the family's address and phone, so it goes with the
  // account and with the child. Deleting a child whose request is open cascades rather than cancels: a cancelled
  // request kept for the centre would keep the very child data the parent asked to delete (PIPL); the centre just
  // no longer sees it. Withdrawing the child-data consent deletes the children, and so their requests, the same way.
  await sql`
    CREATE TABLE guidance_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      child_id uuid NOT NULL REFERENCES children(id) ON DELETE CASCADE,
      service text NOT NULL CHECK (service IN ('home_visit', 'health_check', 'growth_monitoring', 'feeding_guidance', 'vaccination_advice', 'disease_control')),
      status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'scheduled', 'done', 'declined', 'cancelled')),
      time_windows jsonb NOT NULL,
      district_code text NOT NULL REFERENCES regions(code),
      address text NOT NULL,
      contact_phone text NOT NULL,
      note text NOT NULL DEFAULT '',
      centre_id uuid REFERENCES health_centres(id),
      scheduled_at timestamptz,
      staff_name text,
      decline_reason text,
      -- Bumped by every change: a change applies only to the version it was decided on.
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX guidance_requests_user_idx ON guidance_requests (user_id, created_at DESC)`.execute(db)
  await sql`CREATE INDEX guidance_requests_child_idx ON guidance_requests (child_id)`.execute(db)
  await sql`CREATE INDEX guidance_requests_district_idx ON guidance_requests (district_code, status, created_at)`.execute(db)

  // Every status change, never updated: the history parents and centres see.
  await sql`
    CREATE TABLE guidance_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES guidance_requests(id) ON DELETE CASCADE,
      status text NOT NULL,
      note text,
      actor text NOT NULL CHECK (actor IN ('parent', 'centre')),
      actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX guidance_events_request_idx ON guidance_events (request_id, id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['guidance_events', 'guidance_requests']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db)
  }
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
//
// Complaint forwarding becomes a kind of the general job queue. Every row of the old outbox moves into `jobs`, the
// delivered ones too (they are the complaint's forwarding record, shown to regulators), then the outbox goes:
// - the job keeps the delivery's id, because the id is the Idempotency-Key the departments have already seen: a
//   delivery that was sent but not yet acknowledged is re-sent under the same key and dropped as a repeat;
// - attempts, the last error, the next attempt and a lease still held carry over unchanged;
// - the dedupe key is the one the application uses (one forwarding per complaint and department).
const KIND = 'complaints.forward'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO jobs (id, kind, payload, run_at, dedupe_key, attempts, last_error, locked_by, locked_until, done_at, created_at)
    SELECT id, ${sql.lit(KIND)},
           jsonb_build_object('complaintId', complaint_id, 'department', department, 'body', payload),
           next_attempt_at, ${sql.lit(KIND)} || ':' || complaint_id || ':' || department,
           attempts, last_error, locked_by, locked_until, delivered_at, created_at
    FROM complaint_deliveries
    ON CONFLICT (dedupe_key) DO NOTHING`.execute(db)
  await sql`DROP TABLE complaint_deliveries`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
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
  await sql`
    INSERT INTO complaint_deliveries (id, complaint_id, department, payload, created_at, attempts, next_attempt_at, locked_until, locked_by, last_error, delivered_at)
    SELECT id, (payload->>'complaintId')::uuid, payload->>'department', payload->'body', created_at, attempts, run_at, locked_until, locked_by, last_error, done_at
    FROM jobs WHERE kind = ${sql.lit(KIND)}`.execute(db)
  await sql`DELETE FROM jobs WHERE kind = ${sql.lit(KIND)}`.execute(db)
}

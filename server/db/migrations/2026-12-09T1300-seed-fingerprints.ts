import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
//
// What each start seeds (reference data, the shipped policy and articles, demo data) is written only when it differs
// from what the last start wrote: each seeding step keeps here a fingerprint of the data it shipped and of the code
// that wrote it, and skips its writes while they match.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE seed_fingerprints (
      step text PRIMARY KEY,
      fingerprint text NOT NULL,
      seeded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE seed_fingerprints`.execute(db)
}

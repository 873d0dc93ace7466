import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'

/** A queued job, by its id or by its dedupe key. */
export type JobRef = { id: string } | { dedupeKey: string }

const byRef = (ref: JobRef) => ('id' in ref ? (['id', ref.id] as const) : (['dedupeKey', ref.dedupeKey] as const))

/** Seconds until the job may run again (negative when it is already due), by the database's clock. */
export async function secondsUntilRun(db: Kysely<Database>, ref: JobRef): Promise<number> {
  const [column, value] = byRef(ref)
  const row = await db
    .selectFrom('jobs')
    .select(sql<number>`extract(epoch from run_at - now())::float8`.as('seconds'))
    .where(column, '=', value)
    .executeTakeFirstOrThrow()
  return Number(row.seconds)
}

/** Brings a job's next attempt forward to now, instead of waiting out its back-off. */
export async function makeDue(db: Kysely<Database>, ref: JobRef): Promise<void> {
  const [column, value] = byRef(ref)
  await db
    .updateTable('jobs')
    .set({ runAt: sql<string>`now()` })
    .where(column, '=', value)
    .execute()
}

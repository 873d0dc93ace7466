import { DEFAULT_MIGRATION_TABLE, Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely'
import * as institutions from './migrations/2026-11-28T1800-institutions'
import * as accounts from './migrations/2026-11-28T1900-accounts'
import * as complaints from './migrations/2026-11-28T2000-complaints'
import * as notices from './migrations/2026-11-28T2100-notices'
import * as classes from './migrations/2026-11-28T2200-classes'
import * as guidance from './migrations/2026-11-28T2210-guidance'
import * as articles from './migrations/2026-11-28T2300-articles'
import * as bulletins from './migrations/2026-11-28T2310-bulletins'
import * as wechatContentSecurity from './migrations/2026-12-01T1000-wechat-content-security'
import * as complaintForwardingJobs from './migrations/2026-12-08T1000-complaint-forwarding-jobs'
import * as institutionChanges from './migrations/2026-12-09T1200-institution-changes'
import * as seedFingerprints from './migrations/2026-12-09T1300-seed-fingerprints'
import * as subsidyProgrammes from './migrations/2026-12-10T1000-subsidy-programmes'
import * as prepayments from './migrations/2026-12-10T1100-prepayments'
import * as feesByClass from './migrations/2026-12-10T1200-fees-by-class'
import * as guidePrices from './migrations/2026-12-10T1300-guide-prices'

// Listed by hand (no directory scanning) so bundlers, tsx and jest all see the same set, in order.
const migrations: Record<string, Migration> = {
  '2026-11-28T1800-institutions': institutions,
  '2026-11-28T1900-accounts': accounts,
  '2026-11-28T2000-complaints': complaints,
  '2026-11-28T2100-notices': notices,
  '2026-11-28T2200-classes': classes,
  '2026-11-28T2210-guidance': guidance,
  '2026-11-28T2300-articles': articles,
  '2026-11-28T2310-bulletins': bulletins,
  '2026-12-01T1000-wechat-content-security': wechatContentSecurity,
  '2026-12-08T1000-complaint-forwarding-jobs': complaintForwardingJobs,
  '2026-12-09T1200-institution-changes': institutionChanges,
  '2026-12-09T1300-seed-fingerprints': seedFingerprints,
  '2026-12-10T1000-subsidy-programmes': subsidyProgrammes,
  '2026-12-10T1100-prepayments': prepayments,
  '2026-12-10T1200-fees-by-class': feesByClass,
  '2026-12-10T1300-guide-prices': guidePrices,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** `schema`: keep Kysely's bookkeeping tables in that schema (tests give each file a PostgreSQL schema of its own). */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  if (await alreadyMigrated(db, schema)) return
  await migrate(db, schema, (migrator) => migrator.migrateToLatest())
}

/**
 * Every migration of this release applied and no other: the usual start, answered by one read instead of the
 * Migrator's catalogue look-ups, lock and transaction (a good part of a second on PGlite). Anything else (a new
 * database, a new migration, one the code does not know) goes to the Migrator, which applies or reports it.
 */
async function alreadyMigrated(db: Kysely<any>, schema: string | undefined): Promise<boolean> {
  try {
    const applied = await (schema ? db.withSchema(schema) : db).selectFrom(DEFAULT_MIGRATION_TABLE).select('name').execute()
    return applied.length === Object.keys(migrations).length && applied.every((row) => Object.hasOwn(migrations, row.name))
  } catch {
    return false // no bookkeeping table yet: a new database
  }
}

/** Tests of a migration only: the schema as it was up to and including `name`, to write the rows the migration moves. */
export async function migrateUpTo(db: Kysely<any>, name: string, schema?: string): Promise<void> {
  await migrate(db, schema, (migrator) => migrator.migrateTo(name))
}

async function migrate(db: Kysely<any>, schema: string | undefined, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema })
  const { error, results } = await run(migrator)
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

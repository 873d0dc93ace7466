import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as institutions from './migrations/2026-11-28T1800-institutions'
import * as accounts from './migrations/2026-11-28T1900-accounts'
import * as complaints from './migrations/2026-11-28T2000-complaints'
import * as notices from './migrations/2026-11-28T2100-notices'
import * as classes from './migrations/2026-11-28T2200-classes'
import * as guidance from './migrations/2026-11-28T2210-guidance'
import * as articles from './migrations/2026-11-28T2300-articles'
import * as bulletins from './migrations/2026-11-28T2310-bulletins'
import * as wechatContentSecurity from './migrations/2026-12-01T1000-wechat-content-security'

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
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** `schema`: keep Kysely's bookkeeping tables in that schema (tests give each file a PostgreSQL schema of its own). */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

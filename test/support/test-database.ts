import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { connect, type Db } from '../../server/db/connect'
import { migrateToLatest, migrateUpTo } from '../../server/db/migrate'
import { seedReference } from '../../server/db/seed-reference'
import { seedPrivacyPolicies } from '../../server/features/privacy/seed'
import { loadReference, type Reference } from '../../server/shared/reference'

export interface TestDatabase {
  database: Db
  reference: Reference
  close(): Promise<void>
}

/**
 * A migrated database with reference data and the privacy policy, and no institutions: an in-memory PGlite, or with DATABASE_URL a
 * schema of its own on that PostgreSQL server (so test files can run in parallel), dropped on close. The bench passes
 * the URL itself (it measures PGlite and PostgreSQL in one run). `migratedUpTo`: only up to that migration, for tests of
 * the next one.
 */
export async function createTestDatabase(
  databaseUrl: string | null = process.env.DATABASE_URL || null,
  options: { migratedUpTo?: string } = {},
): Promise<TestDatabase> {
  let dropSchema = async () => {}
  let schema: string | undefined
  if (databaseUrl) {
    schema = `test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    try {
      // Extensions are per database; create them once, under a lock, so parallel test files do not race.
      await admin.query('SELECT pg_advisory_lock(7203)')
      await admin.query('CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public')
      await admin.query('CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public')
      await admin.query('SELECT pg_advisory_unlock(7203)')
      await admin.query(`CREATE SCHEMA ${schema}`)
    } finally {
      await admin.end()
    }
    dropSchema = async () => {
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await client.end()
    }
  }
  const database = await connect({ databaseUrl, dataDir: 'memory://', schema })
  if (options.migratedUpTo) await migrateUpTo(database.db, options.migratedUpTo, schema)
  else await migrateToLatest(database.db, schema)
  await seedReference(database.db)
  await seedPrivacyPolicies(database.db)
  const reference = await loadReference(database.db)
  return {
    database,
    reference,
    close: async () => {
      await database.close()
      await dropSchema()
    },
  }
}

/**
 * A second connection to the test database, as a restarted process or another instance would open; it is added to
 * `toClose`. PGlite in memory has only the one connection: there it is the test database itself, and not added.
 */
export async function secondConnection(testDb: TestDatabase, toClose: Db[]): Promise<Db> {
  if (testDb.database.kind === 'pglite') return testDb.database
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(testDb.database.db)
  const reopened = await connect({ databaseUrl: process.env.DATABASE_URL!, dataDir: 'memory://', schema: rows[0].schema })
  toClose.push(reopened)
  return reopened
}

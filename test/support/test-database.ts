import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connect, type Db } from '../../server/db/connect'
import { migrateToLatest } from '../../server/db/migrate'
import { seedReference } from '../../server/db/seed-reference'
import { seedPrivacyPolicies } from '../../server/db/seed-privacy-policies'
import { loadReference, type Reference } from '../../server/shared/reference'

export interface TestDatabase {
  database: Db
  reference: Reference
  close(): Promise<void>
}

/**
 * A migrated database with reference data and the privacy policy, and no institutions: an in-memory PGlite, or with DATABASE_URL a
 * schema of its own on that PostgreSQL server (so test files can run in parallel), dropped on close. The bench passes
 * the URL itself (it measures PGlite and PostgreSQL in one run).
 */
export async function createTestDatabase(databaseUrl: string | null = process.env.DATABASE_URL || null): Promise<TestDatabase> {
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
  await migrateToLatest(database.db, schema)
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

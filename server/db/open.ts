import fs from 'node:fs'
import { connect, type ConnectOptions, type Db } from './connect'
import { migrateToLatest } from './migrate'
import { seedReference } from './seed-reference'

/**
 * Connects, migrates and writes the reference data (regions, grade scheme) the schema's foreign keys need. What a
 * start adds on top (shipped articles and policy, demo data) is the caller's: see server/startup. `codeVersion`
 * (the compiled server's build stamp) lets a start skip rewriting reference data that has not changed.
 */
export async function openDatabase({ codeVersion = null, ...options }: ConnectOptions & { codeVersion?: string | null }): Promise<Db> {
  if (!options.databaseUrl && !options.dataDir.startsWith('memory://')) fs.mkdirSync(options.dataDir, { recursive: true })
  const database = await connect(options)
  try {
    await migrateToLatest(database.db)
    await seedReference(database.db, codeVersion)
    return database
  } catch (error) {
    await database.close()
    throw error
  }
}

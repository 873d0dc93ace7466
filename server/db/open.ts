import fs from 'node:fs'
import path from 'node:path'
import { connect, type ConnectOptions, type Db } from './connect'
import { migrateToLatest } from './migrate'
import { seedReference } from './seed-reference'
import { seedPrivacyPolicies } from './seed-privacy-policies'
import { seedDemoHealthCentres } from './seed-health-centres'
import { seedDemoClasses } from '../features/classes/demo-seed'
import { seedArticles } from '../features/articles/seed/seed-articles'
import { countInstitutions } from '../features/institutions/repository'
import { importInstitutionsCsv } from '../features/institutions/import/import-csv'
import { seedDemoBulletins } from '../features/bulletins/demo-bulletins'

export interface BootLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export const DEMO_CSV = path.resolve(__dirname, '../../mock/fixtures/institutions.csv')

/** Connects, migrates, writes reference data and the privacy policy and, on an empty registry, loads the demo institutions and health centres. */
export async function openDatabase(options: ConnectOptions & { seedDemo: boolean; log?: BootLog }): Promise<Db> {
  if (!options.databaseUrl && !options.dataDir.startsWith('memory://')) fs.mkdirSync(options.dataDir, { recursive: true })
  const database = await connect(options)
  try {
    await migrateToLatest(database.db)
    await seedReference(database.db)
    await seedPrivacyPolicies(database.db)
    const articles = await seedArticles(database.db)
    if (articles) options.log?.info({ articles }, 'published the shipped policy and guides')
    if (options.seedDemo && (await countInstitutions(database.db)) === 0) {
      const report = await importInstitutionsCsv(database.db, fs.readFileSync(DEMO_CSV, 'utf8'))
      options.log?.info({ imported: report.imported, rejected: report.rejectedLines }, 'loaded demo institutions')
      if (report.errors.length) options.log?.warn({ errors: report.errors.slice(0, 5) }, 'demo data has invalid rows')
    }
    if (options.seedDemo) {
      const centres = await seedDemoHealthCentres(database.db)
      if (centres) options.log?.info({ centres }, 'loaded demo health centres')
      // On every start: the demo classes of the next three weeks are topped up (never twice).
      const classes = await seedDemoClasses(database.db)
      if (classes) options.log?.info({ classes }, 'added demo parenting classes')
      const bulletins = await seedDemoBulletins(database.db)
      if (bulletins) options.log?.info({ bulletins }, 'published demo evaluation bulletins')
    }
    return database
  } catch (error) {
    await database.close()
    throw error
  }
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { seedArticles } from '../features/articles/seed/seed-articles'
import { seedDemoBulletins } from '../features/bulletins/demo-bulletins'
import { seedDemoClasses } from '../features/classes/demo-classes'
import { seedDemoInstitutions } from '../features/institutions/demo-institutions'
import { seedPrivacyPolicies } from '../features/privacy/seed'
import { seedDemoHealthCentres } from '../features/roles/demo-health-centres'

export interface BootLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

/**
 * What each start writes after the database is open and migrated: the privacy policy and articles this release ships
 * (added once, never overwriting), and with demo data the demo registry (into an empty one), health centres, the
 * parenting classes of the coming weeks and the bulletins of the demo rounds. Every step is safe to repeat.
 */
export async function seedOnStart(db: Kysely<Database>, options: { seedDemo: boolean; log?: BootLog }): Promise<void> {
  const { log } = options
  await seedPrivacyPolicies(db)
  const articles = await seedArticles(db)
  if (articles) log?.info({ articles }, 'published the shipped policy and guides')
  if (!options.seedDemo) return
  const report = await seedDemoInstitutions(db)
  if (report) {
    log?.info({ imported: report.imported, rejected: report.rejectedLines }, 'loaded demo institutions')
    if (report.errors.length) log?.warn({ errors: report.errors.slice(0, 5) }, 'demo data has invalid rows')
  }
  const centres = await seedDemoHealthCentres(db)
  if (centres) log?.info({ centres }, 'loaded demo health centres')
  // On every start: the demo classes of the next three weeks are topped up (never twice).
  const classes = await seedDemoClasses(db)
  if (classes) log?.info({ classes }, 'added demo parenting classes')
  const bulletins = await seedDemoBulletins(db)
  if (bulletins) log?.info({ bulletins }, 'published demo evaluation bulletins')
}

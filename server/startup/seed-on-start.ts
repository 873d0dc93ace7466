import fs from 'node:fs'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { seedFingerprint, seedUnlessUnchanged } from '../db/seed-fingerprints'
import { SHIPPED_ARTICLES, seedArticles, shippedBody } from '../features/articles/seed/seed-articles'
import { seedDemoBulletins } from '../features/bulletins/demo-bulletins'
import { seedDemoClasses } from '../features/classes/demo-classes'
import { DEMO_CSV, seedDemoInstitutions } from '../features/institutions/demo-institutions'
import { seedDemoPrepayments } from '../features/prepayments/demo-prepayments'
import { seedDemoGuidePrices } from '../features/guide-prices/demo-guide-prices'
import { SHIPPED_POLICIES } from '../features/privacy/policies'
import { seedPrivacyPolicies } from '../features/privacy/seed'
import { DEMO_HEALTH_CENTRES, seedDemoHealthCentres } from '../features/roles/demo-health-centres'
import { chinaToday } from '../shared/china-time'

export interface BootLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export interface SeedOptions {
  seedDemo: boolean
  /**
   * The compiled server's build stamp: a step whose shipped data and code are those of the last start writes nothing
   * (see db/seed-fingerprints). Null (run from TypeScript sources): every step writes, as each is safe to repeat.
   */
  codeVersion?: string | null
  log?: BootLog
  /** The demo classes and bulletins depend on the day: they are looked at again on the first start of each day. */
  today?: string
}

/**
 * What each start writes after the database is open and migrated: the privacy policy and articles this release ships
 * (added once, never overwriting), and with demo data the demo registry (into an empty one), health centres, the
 * parenting classes of the coming weeks, the bulletins of the demo rounds, a demo prepayment rule and records, and demo guide prices.
 */
export async function seedOnStart(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  const { log, codeVersion = null } = options
  await seedUnlessUnchanged(db, 'privacy-policies', seedFingerprint(codeVersion, SHIPPED_POLICIES), () => seedPrivacyPolicies(db))
  const bodies = codeVersion === null ? [] : SHIPPED_ARTICLES.map(shippedBody)
  const articles = await seedUnlessUnchanged(db, 'articles', seedFingerprint(codeVersion, SHIPPED_ARTICLES, bodies), () => seedArticles(db))
  if (articles) log?.info({ articles }, 'published the shipped policy and guides')
  if (!options.seedDemo) return
  const today = options.today ?? chinaToday()
  const demoFiles = codeVersion === null ? [] : [fs.readFileSync(DEMO_CSV, 'utf8'), fs.readFileSync(DEMO_HEALTH_CENTRES, 'utf8')]
  const demo = seedFingerprint(codeVersion, today, ...demoFiles)
  await seedUnlessUnchanged(db, 'demo', demo, () => seedDemo(db, log))
}

/** Each demo step depends on the ones before it (classes on the centres, bulletins on the institutions' rounds). */
async function seedDemo(db: Kysely<Database>, log: BootLog | undefined): Promise<void> {
  const report = await seedDemoInstitutions(db)
  if (report) {
    log?.info({ imported: report.imported, rejected: report.rejectedLines }, 'loaded demo institutions')
    if (report.errors.length) log?.warn({ errors: report.errors.slice(0, 5) }, 'demo data has invalid rows')
  }
  const centres = await seedDemoHealthCentres(db)
  if (centres) log?.info({ centres }, 'loaded demo health centres')
  // On every new day: the demo classes of the next three weeks are topped up (never twice).
  const classes = await seedDemoClasses(db)
  if (classes) log?.info({ classes }, 'added demo parenting classes')
  const bulletins = await seedDemoBulletins(db)
  if (bulletins) log?.info({ bulletins }, 'published demo evaluation bulletins')
  const prepayments = await seedDemoPrepayments(db)
  if (prepayments) log?.info({ prepayments }, 'recorded demo prepayment rule and facts')
  const guidePrices = await seedDemoGuidePrices(db)
  if (guidePrices) log?.info({ guidePrices }, 'set demo guide prices')
}

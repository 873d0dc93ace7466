import { sql, type Kysely } from 'kysely'
import { CITIES } from './reference/regions'
import { GRADE_SCHEME } from './reference/grade-scheme'
import type { Database } from './schema'
import { seedFingerprint, seedUnlessUnchanged } from './seed-fingerprints'

/** The reference data this version ships. */
export const SHIPPED_REFERENCE = { cities: CITIES, gradeScheme: GRADE_SCHEME }

/**
 * Writes the reference data (regions, grade scheme) shipped with this version; safe to run on every start. With a
 * code version, a start whose shipped data and code are those of the last one writes nothing (see seed-fingerprints).
 */
export async function seedReference(db: Kysely<Database>, codeVersion: string | null = null, shipped = SHIPPED_REFERENCE): Promise<void> {
  await seedUnlessUnchanged(db, 'reference', seedFingerprint(codeVersion, shipped), () => writeReference(db, shipped))
}

async function writeReference(db: Kysely<Database>, { cities, gradeScheme }: typeof SHIPPED_REFERENCE): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const regions = cities.flatMap((city, i) => [
      { code: city.code, parentCode: null, name: city.name, shortName: city.shortName, lat: city.lat, lng: city.lng, sort: i * 100 },
      ...city.districts.map((d, j) => ({
        code: d.code,
        parentCode: city.code,
        name: d.name,
        shortName: d.name,
        lat: d.lat,
        lng: d.lng,
        sort: i * 100 + j + 1,
      })),
    ])
    // Cities first so that districts' parent keys exist.
    await trx
      .insertInto('regions')
      .values(regions)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          parentCode: sql`excluded.parent_code`,
          name: sql`excluded.name`,
          shortName: sql`excluded.short_name`,
          lat: sql`excluded.lat`,
          lng: sql`excluded.lng`,
          sort: sql`excluded.sort`,
        }),
      )
      .execute()
    await trx
      .insertInto('gradeLevels')
      .values(gradeScheme.levels.map((l) => ({ code: l.code, label: l.label, rank: l.rank, minScore: l.minScore })))
      .onConflict((oc) => oc.column('code').doUpdateSet({ label: sql`excluded.label`, rank: sql`excluded.rank`, minScore: sql`excluded.min_score` }))
      .execute()
    await trx
      .insertInto('gradeDimensions')
      .values(gradeScheme.dimensions.map((d, i) => ({ code: d.code, name: d.name, maxScore: d.maxScore, sort: i })))
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: sql`excluded.name`, maxScore: sql`excluded.max_score`, sort: sql`excluded.sort` }))
      .execute()
  })
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { City } from '../../types/regions'
import type { GradeScheme } from '../../types/grades'
import { GRADE_SCHEME } from '../db/reference/grade-scheme'

/** Reference data read once at start: it only changes with a new release (seedReference). */
export interface Reference {
  cities: City[]
  regionCodes: Set<string>
  gradeScheme: GradeScheme
  rankOfLevel: Map<string, number>
  dimensionName: Map<string, { name: string; maxScore: number }>
}

export async function loadReference(db: Kysely<Database>): Promise<Reference> {
  const [regions, levels, dimensions] = await Promise.all([
    db.selectFrom('regions').selectAll().orderBy('sort').execute(),
    db.selectFrom('gradeLevels').selectAll().orderBy('rank', 'desc').execute(),
    db.selectFrom('gradeDimensions').selectAll().orderBy('sort').execute(),
  ])
  const cities: City[] = regions
    .filter((r) => r.parentCode === null)
    .map((c) => ({
      code: c.code,
      name: c.name,
      shortName: c.shortName,
      lat: c.lat,
      lng: c.lng,
      districts: regions.filter((d) => d.parentCode === c.code).map((d) => ({ code: d.code, name: d.name, lat: d.lat, lng: d.lng })),
    }))
  const gradeScheme: GradeScheme = {
    standard: GRADE_SCHEME.standard,
    maxScore: GRADE_SCHEME.maxScore,
    levels: levels.map((l) => ({ code: l.code, label: l.label, rank: l.rank, minScore: l.minScore })),
    dimensions: dimensions.map((d) => ({ code: d.code, name: d.name, maxScore: d.maxScore })),
  }
  return {
    cities,
    regionCodes: new Set(regions.map((r) => r.code)),
    gradeScheme,
    rankOfLevel: new Map(levels.map((l) => [l.code, l.rank])),
    dimensionName: new Map(dimensions.map((d) => [d.code, { name: d.name, maxScore: d.maxScore }])),
  }
}

import type KDBush from 'kdbush'
import { COUNT_CAP, type InstitutionRow, type Point, type SearchCriteria, type WarningRow, type ClassSummaryRow } from '../repository'
import { chordBetween, chordToMetres, llToEarth } from './earth'
import { currentWarning, matchesCriteria, narrowsNothing, warningCutoff } from './criteria-match'
import type { IndexedInstitution } from './snapshot-repository'
import type { SpatialLibraries } from './spatial-libraries'

/** One institution of a page, as the SQL search and findClasses/findWarnings would have given it. */
export interface NearbyHit {
  row: InstitutionRow
  classes: ClassSummaryRow[]
  warning: WarningRow | undefined
}

export interface NearbyAnswer {
  hits: NearbyHit[]
  total: number
  totalCapped: boolean
  hasMore: boolean
}

/** geokdbush measures on a 6,371 km sphere, PostgreSQL on 6,378.168 km: its radius is stretched so no match is cut off. */
const RADIUS_MARGIN = 1.01
/** Candidates beyond the page, so that near-ties at the page's edge are ordered by PostgreSQL's arithmetic, not geokdbush's. */
const EXTRA_CANDIDATES = 8

export interface RankedPage extends Omit<NearbyAnswer, 'hits'> {
  ranked: Array<{ item: IndexedInstitution; distanceKm: number }>
}

/** An institution of a page as the SQL search's row, classes and warning would have given it. */
export function nearbyHit(item: IndexedInstitution, distanceKm: number, c: SearchCriteria, cutoff: string): NearbyHit {
  const priced = c.pricedForm ? item.services.find((s) => s.form === c.pricedForm) : undefined
  return {
    row: { ...item.row, distanceKm, feeForm: priced?.form ?? null, feeAmount: priced?.fee ?? null, feeUnit: priced?.feeUnit ?? null },
    classes: item.classes,
    warning: currentWarning(item, cutoff),
  }
}

/** What the in-memory search answers: nearest first from a point, without a name search (ILIKE's case rules stay in SQL). */
export function answersFromMemory(c: SearchCriteria): c is SearchCriteria & { origin: Point } {
  return c.origin !== null && c.sort === 'distance' && c.nameContains === null
}

/**
 * Every institution's point in a k-d tree (kdbush, searched nearest-first by geokdbush) beside its summary row, classes,
 * services and sanctions: a nearby page with any filter, its count and its page's details without the database.
 * Immutable: a change builds a new one (see nearby-index-keeper.ts).
 */
export class NearbyIndex {
  private constructor(
    private readonly items: IndexedInstitution[],
    private readonly earth: Float64Array,
    private readonly tree: KDBush,
    private readonly around: SpatialLibraries['around'],
  ) {}

  static build(institutions: Iterable<IndexedInstitution>, { KDBush, around }: SpatialLibraries): NearbyIndex {
    const items = [...institutions]
    const earth = new Float64Array(items.length * 3)
    const tree = new KDBush(Math.max(items.length, 1))
    items.forEach((item, i) => {
      earth.set(llToEarth(item.row.lat, item.row.lng), i * 3)
      tree.add(item.row.lng, item.row.lat)
    })
    if (!items.length) tree.add(0, 0) // kdbush needs a point; never matched, see matches()
    tree.finish()
    return new NearbyIndex(items, earth, tree, around)
  }

  get size(): number {
    return this.items.length
  }

  /** One page nearest first, with everything presentSummary needs. */
  search(c: SearchCriteria & { origin: Point }): NearbyAnswer {
    const { ranked, ...counts } = this.rank(c)
    const cutoff = warningCutoff(c.today)
    return { hits: ranked.map(({ item, distanceKm }) => nearbyHit(item, distanceKm, c, cutoff)), ...counts }
  }

  /** One page nearest first: each institution with its distance (PostgreSQL's earth_distance, in km). */
  rank(c: SearchCriteria & { origin: Point }): RankedPage {
    const origin = llToEarth(c.origin.lat, c.origin.lng)
    const metres = c.radiusKm === null ? null : c.radiusKm * 1000
    const everything = narrowsNothing(c)
    const matches = (i: number) =>
      i < this.items.length &&
      (everything || (matchesCriteria(this.items[i], c) && (metres === null || chordToMetres(chordBetween(this.earth, i, origin)) <= metres)))
    const geoRadiusKm = c.radiusKm === null ? Infinity : c.radiusKm * RADIUS_MARGIN
    const wanted = c.offset + c.limit + 1

    // Ask for a few more than wanted; ask again for more if PostgreSQL's order could still differ at the edge.
    let ranked: Array<{ index: number; chord: number }> = []
    for (let ask = wanted + EXTRA_CANDIDATES; ; ask *= 2) {
      const found = this.around(this.tree, c.origin.lng, c.origin.lat, ask, geoRadiusKm, matches)
      ranked = found.map((index) => ({ index, chord: chordBetween(this.earth, index, origin) }))
      const farthest = ranked.reduce((max, r) => Math.max(max, r.chord), 0)
      ranked.sort((a, b) => a.chord - b.chord || compareIds(this.items[a.index].row.id, this.items[b.index].row.id))
      const edge = ranked[Math.min(wanted, ranked.length) - 1]?.chord ?? 0
      if (found.length < ask || edge < farthest * (1 - 1e-9)) break
    }

    const page = ranked.slice(c.offset, c.offset + c.limit + 1)
    const counted = everything ? this.items.length : this.count(c, matches, geoRadiusKm)
    return {
      ranked: page.slice(0, c.limit).map(({ index, chord }) => ({ item: this.items[index], distanceKm: chordToMetres(chord) / 1000.0 })),
      total: Math.min(counted, COUNT_CAP),
      totalCapped: counted > COUNT_CAP,
      hasMore: page.length > c.limit,
    }
  }

  /** Up to COUNT_CAP + 1 matches: "over 1,000" is all a parent is told (with no filter the size says it, see search). */
  private count(c: SearchCriteria & { origin: Point }, matches: (i: number) => boolean, geoRadiusKm: number): number {
    if (c.radiusKm !== null) return this.around(this.tree, c.origin.lng, c.origin.lat, COUNT_CAP + 1, geoRadiusKm, matches).length
    let counted = 0
    for (let i = 0; i < this.items.length && counted <= COUNT_CAP; i++) if (matches(i)) counted++
    return counted
  }
}

/** PostgreSQL orders uuids by their bytes, which for lower-case hex text is the string order. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

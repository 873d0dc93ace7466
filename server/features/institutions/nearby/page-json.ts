import type { Point, SearchCriteria } from '../repository'
import { presentSummary, roundKm } from '../present'
import { warningCutoff } from './criteria-match'
import { nearbyHit, type NearbyIndex } from './nearby-index'
import type { IndexedInstitution } from './snapshot-repository'

/**
 * A nearby page as the JSON text the API sends, pieced together from each institution's summary, kept as text until
 * the day, the priced form or the institution changes: only the asker's distance differs between two answers, and
 * serialising twenty summaries anew was a third of a search's time.
 */
const DISTANCE_MARK = 987654321.5
const KEY = '"distanceKm":'
const MARK = `${KEY}${DISTANCE_MARK}`

interface SummaryText {
  key: string
  /** Up to and including `"distanceKm":`. */
  head: string
  tail: string
}
// A changed institution is a new object in the index, so its old text goes with the old object.
const texts = new WeakMap<IndexedInstitution, SummaryText>()

function summaryJson(item: IndexedInstitution, distanceKm: number, c: SearchCriteria, cutoff: string): string {
  const key = `${c.today}|${c.pricedForm ?? ''}`
  let text = texts.get(item)
  if (text?.key !== key) {
    const hit = nearbyHit(item, DISTANCE_MARK, c, cutoff)
    const json = JSON.stringify(presentSummary(hit.row, hit.classes, hit.warning, c.today))
    const at = json.indexOf(MARK)
    text = { key, head: json.slice(0, at + KEY.length), tail: json.slice(at + MARK.length) }
    texts.set(item, text)
  }
  return text.head + JSON.stringify(roundKm(distanceKm)) + text.tail
}

/** The InstitutionPage of a nearby search, as JSON text. */
export function nearbyPageJson(index: NearbyIndex, c: SearchCriteria & { origin: Point }, page: number): string {
  const { ranked, total, totalCapped, hasMore } = index.rank(c)
  const cutoff = warningCutoff(c.today)
  const items = ranked.map(({ item, distanceKm }) => summaryJson(item, distanceKm, c, cutoff)).join(',')
  return `{"items":[${items}],"total":${total},"totalCapped":${totalCapped},"page":${page},"pageSize":${c.limit},"hasMore":${hasMore},"sort":${JSON.stringify(c.sort)}}`
}

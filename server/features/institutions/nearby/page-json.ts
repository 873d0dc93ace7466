import type { Point, SearchCriteria } from '../repository'
import { presentSummary, roundKm } from '../present'
import { warningCutoff } from './criteria-match'
import { nearbyHit, type NearbyIndex } from './nearby-index'
import type { IndexedInstitution } from './snapshot-repository'

/**
 * A nearby page as the JSON text the API sends, pieced together from each institution's summary, kept as text until
 * the day, the priced form or the institution changes (a changed institution is a new object): only the asker's
 * distance differs between two answers, and serialising twenty summaries anew was a third of a search's time.
 */
const DISTANCE_MARK = 987654321.5
const KEY = '"distanceKm":'
const MARK = `${KEY}${DISTANCE_MARK}`

function summaryText(item: IndexedInstitution, key: string, c: SearchCriteria, cutoff: string): NonNullable<IndexedInstitution['summaryJson']> {
  if (item.summaryJson?.key === key) return item.summaryJson
  const hit = nearbyHit(item, DISTANCE_MARK, c, cutoff)
  const json = JSON.stringify(presentSummary(hit.row, hit.classes, hit.warning, c.today))
  const at = json.indexOf(MARK)
  item.summaryJson = { key, head: json.slice(0, at + KEY.length), tail: json.slice(at + MARK.length) }
  return item.summaryJson
}

/** The InstitutionPage of a nearby search, as JSON text. */
export function nearbyPageJson(index: NearbyIndex, c: SearchCriteria & { origin: Point }, page: number): string {
  const { ranked, total, totalCapped, hasMore } = index.rank(c)
  const cutoff = warningCutoff(c.today)
  const key = `${c.today}|${c.pricedForm ?? ''}`
  let items = ''
  for (const { item, distanceKm } of ranked) {
    const text = summaryText(item, key, c, cutoff)
    items += `${items ? ',' : ''}${text.head}${roundKm(distanceKm)}${text.tail}`
  }
  return `{"items":[${items}],"total":${total},"totalCapped":${totalCapped},"page":${page},"pageSize":${c.limit},"hasMore":${hasMore},"sort":${JSON.stringify(c.sort)}}`
}

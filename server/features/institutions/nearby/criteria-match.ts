import dayjs from 'dayjs'
import { BUDGET_UNIT_OF_FORM, SANCTION_WARNING_YEARS } from '../../../../types/institutions'
import type { SearchCriteria, WarningRow } from '../repository'
import type { IndexedInstitution } from './snapshot-repository'

/**
 * The SQL search's WHERE clauses (repository.ts whereClauses), one for one, on an institution in memory; distance
 * (radiusKm) is checked by the caller, which has the distance at hand. A NULL in SQL compares false, as here.
 */
export function matchesCriteria(item: IndexedInstitution, c: SearchCriteria): boolean {
  const r = item.row
  if (c.bbox && !(r.lat >= c.bbox.south && r.lat <= c.bbox.north && r.lng >= c.bbox.west && r.lng <= c.bbox.east)) return false
  if (c.regionCode && r.cityCode !== c.regionCode && r.districtCode !== c.regionCode) return false
  if (c.serviceForms.length && !c.serviceForms.every((form) => r.serviceForms.includes(form))) return false
  if (c.maxFee !== null && !withinBudget(item, c.maxFee, c)) return false
  if (c.kinds.length && !c.kinds.includes(r.kind)) return false
  if (c.childAgeMonths !== null) {
    const age = c.childAgeMonths
    const fits = item.classes.some((k) => k.minAgeMonths <= age && age < k.maxAgeMonths && (!c.vacanciesOnly || k.enrolled < k.capacity))
    if (!fits) return false
  } else if (c.vacanciesOnly && !(r.freePlaces > 0)) return false
  if (c.minRank !== null && !(r.gradeRank !== null && r.gradeRank >= c.minRank && r.gradeValidUntil !== null && r.gradeValidUntil >= c.today)) return false
  if (c.ownership && r.ownership !== c.ownership) return false
  if (c.profit && r.profit !== c.profit) return false
  if (c.inclusive !== null && r.inclusive !== c.inclusive) return false
  if (c.demonstration !== null && r.demonstration !== c.demonstration) return false
  return true
}

function withinBudget(item: IndexedInstitution, maxFee: number, c: SearchCriteria): boolean {
  const form = c.pricedForm
  if (!form) return item.row.monthlyFeeMin !== null && item.row.monthlyFeeMin <= maxFee
  return item.services.some((s) => s.form === form && s.feeUnit === BUDGET_UNIT_OF_FORM[form] && s.fee <= maxFee)
}

/** True when no clause narrows the search: every institution matches. */
export function narrowsNothing(c: SearchCriteria): boolean {
  return (
    c.radiusKm === null &&
    !c.bbox &&
    !c.regionCode &&
    !c.serviceForms.length &&
    c.maxFee === null &&
    !c.kinds.length &&
    c.childAgeMonths === null &&
    !c.vacanciesOnly &&
    c.minRank === null &&
    !c.ownership &&
    !c.profit &&
    c.inclusive === null &&
    c.demonstration === null &&
    !c.nameContains
  )
}

let cutoffOf = { today: '', cutoff: '' }
/** Sanctions decided after this day are still shown: SANCTION_WARNING_YEARS before today (29 February → 28th, as SQL). */
export function warningCutoff(today: string): string {
  if (cutoffOf.today !== today) cutoffOf = { today, cutoff: dayjs(today).subtract(SANCTION_WARNING_YEARS, 'year').format('YYYY-MM-DD') }
  return cutoffOf.cutoff
}

/** findWarnings in memory: the newest sanction or credit warning decided after the cutoff. */
export function currentWarning(item: IndexedInstitution, cutoff: string): WarningRow | undefined {
  return item.sanctions.find((s) => s.decidedOn > cutoff)
}

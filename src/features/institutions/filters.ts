import type { FeeUnit, InstitutionKind, InstitutionSearchQuery, InstitutionSort, Ownership, ProfitType, ServiceForm } from '../../../types/institutions'
import { toBbox, type MapArea } from '../../utils/map-area'
import { originToQuery, type Origin } from '../../utils/origin'

export type InstitutionFilters = {
  serviceForms: ServiceForm[]
  kinds: InstitutionKind[]
  childBirthMonth: string | null
  minLevel: string | null
  ownership: Ownership | null
  profit: ProfitType | null
  inclusive: boolean
  demonstration: boolean
  vacanciesOnly: boolean
  radiusKm: number | null
  /** Yuan, in the unit of the budget's service form (see budgetOf). */
  maxFee: number | null
  q: string
  /** 搜索此区域: only institutions inside this map area (the list and the map alike). */
  area: MapArea | null
}

/** Results per page of the search. */
export const PAGE_SIZE = 10

export const RADIUS_OPTIONS = [1, 3, 5, 10, null] as const

export const emptyFilters: InstitutionFilters = {
  serviceForms: [],
  kinds: [],
  childBirthMonth: null,
  minLevel: null,
  ownership: null,
  profit: null,
  inclusive: false,
  demonstration: false,
  vacanciesOnly: false,
  radiusKm: null,
  maxFee: null,
  q: '',
  area: null,
}

/**
 * The budget steps a parent picks from, in the unit the BFF reads `maxFee` in (BUDGET_UNIT_OF_FORM of the contract):
 * by the first chosen service form, monthly without one.
 */
const BUDGET_STEPS: Record<'month' | 'hour' | 'day', readonly number[]> = {
  month: [1000, 1500, 2000, 3000],
  hour: [30, 50, 80],
  day: [100, 150, 200],
}
export const BUDGET_UNIT: Record<ServiceForm, 'month' | 'hour' | 'day'> = { full_day: 'month', half_day: 'month', hourly: 'hour', temporary: 'day' }

export function budgetOf(serviceForms: ServiceForm[]): { form: ServiceForm | null; unit: FeeUnit; steps: readonly number[] } {
  const form = serviceForms[0] ?? null
  const unit = form ? BUDGET_UNIT[form] : 'month'
  return { form, unit, steps: BUDGET_STEPS[unit] }
}

/** Filters set inside the panel (the service-form chips and the search box are visible on the page). */
export function countPanelFilters(filters: InstitutionFilters): number {
  return [
    filters.kinds.length > 0,
    filters.childBirthMonth,
    filters.minLevel,
    filters.ownership,
    filters.profit,
    filters.inclusive,
    filters.demonstration,
    filters.vacanciesOnly,
    filters.radiusKm,
    filters.maxFee,
  ].filter(Boolean).length
}

/** Panel filters, service-form chips or a searched map area: what can be cleared while the searched name stays. */
export function hasFiltersBesidesSearch(filters: InstitutionFilters): boolean {
  return countPanelFilters(filters) > 0 || filters.serviceForms.length > 0 || filters.area !== null
}

/** Distance sorting and the radius only make sense around the device's position. */
export function defaultSortFor(origin: Origin | null): InstitutionSort {
  return origin?.kind === 'device' ? 'distance' : 'grade'
}

export function buildSearchQuery(
  origin: Origin | null,
  filters: InstitutionFilters,
  sort: InstitutionSort,
  page: number,
  pageSize: number,
): InstitutionSearchQuery {
  const near = origin?.kind === 'device'
  const q = filters.q.trim()
  // A searched area replaces the region; the device's position stays, for the distances and the nearest-first order.
  const { region, ...where } = originToQuery(origin)
  return {
    ...where,
    ...(filters.area ? { bbox: toBbox(filters.area) } : region ? { region } : {}),
    ...(near && filters.radiusKm ? { radiusKm: filters.radiusKm } : {}),
    ...(filters.serviceForms.length ? { serviceForm: filters.serviceForms } : {}),
    ...(filters.kinds.length ? { kind: filters.kinds } : {}),
    ...(filters.childBirthMonth ? { childBirthMonth: filters.childBirthMonth } : {}),
    ...(filters.minLevel ? { minLevel: filters.minLevel } : {}),
    ...(filters.ownership ? { ownership: filters.ownership } : {}),
    ...(filters.profit ? { profit: filters.profit } : {}),
    ...(filters.inclusive ? { inclusive: true } : {}),
    ...(filters.demonstration ? { demonstration: true } : {}),
    ...(filters.vacanciesOnly ? { vacanciesOnly: true } : {}),
    ...(filters.maxFee ? { maxFee: filters.maxFee } : {}),
    ...(q ? { q: q.slice(0, 50) } : {}),
    sort: !near && sort === 'distance' ? 'grade' : sort,
    page,
    pageSize,
  }
}

/** What the home list asks first from a position: no filters yet, in the origin's default order (store.ts). */
export function firstSearchQuery(origin: Origin): InstitutionSearchQuery {
  return buildSearchQuery(origin, emptyFilters, defaultSortFor(origin), 1, PAGE_SIZE)
}

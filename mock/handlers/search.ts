import type { InstitutionDetail, InstitutionPage, InstitutionSort, InstitutionSummary } from '../../types/institutions'
import { gradeSchemeFixture, institutionFixtures } from '../fixtures/app'

/** A small in-memory imitation of the BFF's search, enough for the app's tests and an H5 preview without a BFF. */

const SUMMARY_KEYS = [
  'id', 'name', 'kind', 'ownership', 'profit', 'inclusive', 'demonstration', 'cityCode', 'cityName', 'districtCode', 'districtName',
  'address', 'lat', 'lng', 'distanceKm', 'grade', 'serviceForms', 'monthlyFee', 'classes', 'freePlaces', 'vacanciesUpdatedAt',
  'breachesLimits', 'isDemo',
] as const satisfies readonly (keyof InstitutionSummary)[]

export function toSummary(detail: InstitutionDetail): InstitutionSummary {
  return Object.fromEntries(SUMMARY_KEYS.map((key) => [key, detail[key]])) as InstitutionSummary
}

export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2
  return Math.round(6371 * 2 * Math.asin(Math.sqrt(a)) * 10) / 10
}

function withDistance<T extends InstitutionSummary>(item: T, params: URLSearchParams): T {
  const lat = params.get('lat')
  const lng = params.get('lng')
  if (lat === null || lng === null) return { ...item, distanceKm: null }
  return { ...item, distanceKm: distanceKm(Number(lat), Number(lng), item.lat, item.lng) }
}

export function ageInMonths(birthMonth: string, today = new Date()): number {
  const [year, month] = birthMonth.split('-').map(Number)
  return (today.getFullYear() - year) * 12 + (today.getMonth() + 1 - month)
}

function matches(item: InstitutionSummary, params: URLSearchParams): boolean {
  const forms = params.getAll('serviceForm')
  const kinds = params.getAll('kind')
  const region = params.get('region')
  const radius = params.get('radiusKm')
  const q = params.get('q')
  const minLevel = params.get('minLevel')
  const birthMonth = params.get('childBirthMonth')
  if (forms.length && !forms.some((form) => item.serviceForms.includes(form as never))) return false
  if (kinds.length && !kinds.includes(item.kind)) return false
  if (region && item.cityCode !== region && item.districtCode !== region) return false
  if (radius && item.distanceKm !== null && item.distanceKm > Number(radius)) return false
  if (q && !item.name.includes(q)) return false
  if (params.get('ownership') && item.ownership !== params.get('ownership')) return false
  if (params.get('profit') && item.profit !== params.get('profit')) return false
  if (params.get('inclusive') === 'true' && !item.inclusive) return false
  if (params.get('demonstration') === 'true' && !item.demonstration) return false
  if (params.get('vacanciesOnly') === 'true' && item.freePlaces === 0) return false
  if (minLevel) {
    const min = gradeSchemeFixture.levels.find((level) => level.code === minLevel)
    if (!item.grade || !min || item.grade.rank < min.rank) return false
  }
  if (birthMonth) {
    const age = ageInMonths(birthMonth)
    if (!item.classes.some((c) => age >= c.minAgeMonths && age < c.maxAgeMonths)) return false
  }
  return true
}

const comparators: Record<InstitutionSort, (a: InstitutionSummary, b: InstitutionSummary) => number> = {
  distance: (a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity),
  grade: (a, b) => (b.grade?.rank ?? 0) - (a.grade?.rank ?? 0) || (b.grade?.score ?? 0) - (a.grade?.score ?? 0),
  fee: (a, b) => (a.monthlyFee?.min ?? Infinity) - (b.monthlyFee?.min ?? Infinity),
}

export function searchInstitutions(params: URLSearchParams, source: InstitutionDetail[] = institutionFixtures): InstitutionPage {
  const hasLocation = params.has('lat') && params.has('lng')
  const sort = (params.get('sort') as InstitutionSort | null) ?? (hasLocation ? 'distance' : 'grade')
  const page = Number(params.get('page') ?? 1)
  const pageSize = Number(params.get('pageSize') ?? 20)
  const all = source.map((detail) => withDistance(toSummary(detail), params)).filter((item) => matches(item, params))
  all.sort(comparators[sort])
  const items = all.slice((page - 1) * pageSize, page * pageSize)
  return { items, total: Math.min(all.length, 1000), totalCapped: all.length > 1000, page, pageSize, hasMore: page * pageSize < all.length, sort }
}

export function findInstitution(id: string, params: URLSearchParams, source: InstitutionDetail[] = institutionFixtures): InstitutionDetail | undefined {
  const detail = source.find((item) => item.id === id)
  return detail && withDistance(detail, params)
}

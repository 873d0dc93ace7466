import type { InstitutionSearchQuery } from '../../../types/institutions'
import type { Reference } from '../../shared/reference'
import { badRequest } from '../../shared/http-errors'
import { ageInMonths, chinaToday } from '../../shared/china-time'
import type { Bbox, Point, SearchCriteria } from './repository'

const OLDEST_CHILD_MONTHS = 72
/** The widest and tallest map area searched, in degrees: a 市州 or two, not the province in one answer. */
const BBOX_MAX_DEGREES = 5

/** Checks that need more than one field or the reference data; the schema has already checked each field alone. */
export function originFrom(query: { lat?: number; lng?: number }): Point | null {
  if (query.lat === undefined && query.lng === undefined) return null
  if (query.lat === undefined) throw badRequest('lat', 'lat 与 lng 需同时提供 (lat is required with lng)')
  if (query.lng === undefined) throw badRequest('lng', 'lat 与 lng 需同时提供 (lng is required with lat)')
  return { lat: query.lat, lng: query.lng }
}

/** "west,south,east,north" (the schema has checked the shape) as an area on the map; 400 naming bbox when it is not one. */
export function bboxFrom(query: { bbox?: string; region?: string }): Bbox | null {
  if (query.bbox === undefined) return null
  if (query.region !== undefined) throw badRequest('bbox', '地图区域与地区不能同时使用 (bbox cannot be combined with region)')
  const [west, south, east, north] = query.bbox.split(',').map(Number)
  if ([west, east].some((lng) => lng < -180 || lng > 180))
    throw badRequest('bbox', '地图区域的经度应在 -180 到 180 之间 (bbox longitudes must be within -180..180)')
  if ([south, north].some((lat) => lat < -90 || lat > 90)) throw badRequest('bbox', '地图区域的纬度应在 -90 到 90 之间 (bbox latitudes must be within -90..90)')
  if (west >= east) throw badRequest('bbox', '地图区域的西边界应小于东边界 (bbox west must be less than east)')
  if (south >= north) throw badRequest('bbox', '地图区域的南边界应小于北边界 (bbox south must be less than north)')
  if (east - west > BBOX_MAX_DEGREES || north - south > BBOX_MAX_DEGREES)
    throw badRequest('bbox', `地图区域过大，请放大地图后再搜索此区域 (bbox must span at most ${BBOX_MAX_DEGREES} degrees each way)`)
  return { west, south, east, north }
}

export function toSearchCriteria(query: InstitutionSearchQuery, reference: Reference, now = new Date()): SearchCriteria {
  const origin = originFrom(query)
  const bbox = bboxFrom(query)
  if (query.radiusKm !== undefined && !origin) throw badRequest('radiusKm', 'radiusKm 需要同时提供 lat 与 lng (radiusKm needs lat and lng)')
  if (query.region !== undefined && !reference.regionCodes.has(query.region)) throw badRequest('region', `未知的地区代码 ${query.region} (unknown region)`)
  if (query.sort === 'distance' && !origin) throw badRequest('sort', '按距离排序需要提供位置 lat 与 lng (sort=distance needs lat and lng)')

  let minRank: number | null = null
  if (query.minLevel !== undefined) {
    const rank = reference.rankOfLevel.get(query.minLevel)
    if (rank === undefined) throw badRequest('minLevel', `未知的等级 ${query.minLevel}，应为 ${[...reference.rankOfLevel.keys()].join('|')}`)
    minRank = rank
  }

  let childAgeMonths: number | null = null
  if (query.childBirthMonth !== undefined) {
    childAgeMonths = ageInMonths(query.childBirthMonth, now)
    if (childAgeMonths < 0) throw badRequest('childBirthMonth', '出生月份不能晚于当前月份 (childBirthMonth is in the future)')
    if (childAgeMonths > OLDEST_CHILD_MONTHS)
      throw badRequest('childBirthMonth', '出生月份过早：本服务面向 3 岁以下婴幼儿 (childBirthMonth is more than 6 years ago)')
  }

  const serviceForms = [...new Set(query.serviceForm ?? [])]
  const pageSize = query.pageSize ?? 20
  const page = query.page ?? 1
  return {
    origin,
    radiusKm: query.radiusKm ?? null,
    regionCode: query.region ?? null,
    bbox,
    serviceForms,
    pricedForm: serviceForms[0] ?? null,
    maxFee: query.maxFee ?? null,
    kinds: [...new Set(query.kind ?? [])],
    childAgeMonths,
    minRank,
    ownership: query.ownership ?? null,
    profit: query.profit ?? null,
    inclusive: query.inclusive ?? null,
    demonstration: query.demonstration ?? null,
    vacanciesOnly: query.vacanciesOnly ?? false,
    nameContains: query.q?.trim() || null,
    sort: query.sort ?? (origin ? 'distance' : 'grade'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
    today: chinaToday(now),
  }
}

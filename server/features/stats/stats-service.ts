import dayjs from 'dayjs'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { RegionFigures, Stats } from '../../../types/stats'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Reference } from '../../shared/reference'
import { chinaToday } from '../../shared/china-time'
import type { Population } from './population'
import { complaintCountsByCity, gradeCountsByCity, institutionCountsByCity, type ComplaintCounts, type GradeCount, type InstitutionCounts } from './repository'

const PROVINCE_NAME = '吉林省'
const NOT_GRADED = '未评级'

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals

interface Counts {
  institutions: InstitutionCounts[]
  grades: GradeCount[]
  complaints: ComplaintCounts[]
}

function figuresOf(code: string, name: string, counts: Counts, reference: Reference, population: Population): RegionFigures {
  const mine = <T extends { cityCode: string }>(rows: T[]) => (code === PROVINCE_CODE ? rows : rows.filter((r) => r.cityCode === code))
  const sum = <T extends { cityCode: string }>(rows: T[], pick: (row: T) => number) => mine(rows).reduce((total, row) => total + pick(row), 0)
  const places = sum(counts.institutions, (r) => r.places)
  const inclusivePlaces = sum(counts.institutions, (r) => r.inclusivePlaces)
  const residents = population.residents[code] ?? null
  const graded = (level: string | null) =>
    sum(
      counts.grades.filter((g) => g.level === level),
      (g) => g.count,
    )
  return {
    regionCode: code,
    regionName: name,
    institutions: sum(counts.institutions, (r) => r.institutions),
    places,
    inclusivePlaces,
    inclusiveShare: places ? roundTo(inclusivePlaces / places, 3) : 0,
    population: residents,
    placesPer1000: residents ? roundTo((places * 1000) / residents, 1) : null,
    demonstration: sum(counts.institutions, (r) => r.demonstration),
    grades: [
      ...reference.gradeScheme.levels.map((l) => ({ level: l.code, label: l.label, count: graded(l.code) })),
      { level: null, label: NOT_GRADED, count: graded(null) },
    ],
    complaintsReceived: sum(counts.complaints, (r) => r.received),
    complaintsClosed: sum(counts.complaints, (r) => r.closed),
    complaintsClosedOnTime: sum(counts.complaints, (r) => r.closedOnTime),
  }
}

/** The province and every 市州 from three grouped queries, whatever the size of the registry. */
export async function computeStats(
  db: Kysely<Database>,
  options: { reference: Reference; population: Population; replyDays: number; now?: Date },
): Promise<Stats> {
  const now = options.now ?? new Date()
  const today = chinaToday(now)
  // The 12 months to today: from the day after the same day a year ago.
  const since = dayjs(today).subtract(12, 'month').add(1, 'day').format('YYYY-MM-DD')
  const [institutions, grades, complaints] = await Promise.all([
    institutionCountsByCity(db),
    gradeCountsByCity(db, today),
    complaintCountsByCity(db, { since, until: now.toISOString(), replyDays: options.replyDays }),
  ])
  const counts = { institutions, grades, complaints }
  const { reference, population } = options
  return {
    asOf: now.toISOString(),
    populationYear: population.year,
    populationSource: population.source,
    complaintsSince: since,
    province: figuresOf(PROVINCE_CODE, PROVINCE_NAME, counts, reference, population),
    cities: reference.cities.map((c) => figuresOf(c.code, c.name, counts, reference, population)),
  }
}

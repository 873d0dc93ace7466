import type { City, District } from '../../types/regions'
import type { ClassType, InstitutionKind, Ownership, ProfitType, RegisteringAuthority } from '../../types/institutions'
import { CITIES } from '../../server/db/reference/regions'
import { GRADE_SCHEME } from '../../server/db/reference/grade-scheme'
import { CLASS_LIMITS, legalLimitFor } from '../../server/features/institutions/class-rules'
import { makeCreditCode } from '../../server/features/institutions/import/credit-code'
import { CSV_COLUMNS, type CsvColumn } from '../../server/features/institutions/import/csv-columns'
import { isInsideJilin } from '../../server/features/institutions/import/jilin-boundary'
import { dayNumber, formatDay, lastDayAfterYears } from './calendar'
import { SeededRandom } from './random'
import {
  EMPLOYER_HOSTS,
  GENERIC_ROADS,
  NAME_WORDS,
  PHONE_AREA_CODES,
  PREPAYMENT_TERMS,
  REFUND_POLICIES,
  ROADS_BY_CITY,
  SANCTION_CASES,
  STANDALONE_SUFFIXES,
} from './vocabulary'

/** Fixed "today" of the demo data, so the output does not change with the day it is generated. */
export const REFERENCE_DATE = '2026-11-01'
const REFERENCE_DAY = dayNumber(REFERENCE_DATE)

const CITY_WEIGHTS: Record<string, number> = {
  '220100': 35,
  '220200': 20,
  '220300': 6,
  '220400': 4,
  '220500': 6,
  '220600': 4,
  '220700': 6,
  '220800': 5,
  '222400': 8,
  '229100': 2,
  '229200': 4,
}
/** 示范 institutions per area (§1: 3–5 in 长春 and 吉林市, 1–2 elsewhere); absolute, whatever the row count. */
const DEMONSTRATION_QUOTA: Record<string, number> = { '220100': 4, '220200': 4, '220300': 2, '222400': 2, '220500': 2 }
const KIND_WEIGHTS: ReadonlyArray<readonly [InstitutionKind, number]> = [
  ['standalone', 55],
  ['kindergarten', 18],
  ['employer', 8],
  ['community', 14],
  ['home', 5],
]
const EVALUATION_ROUNDS = [
  { round: '2024年第一批', from: dayNumber('2024-05-06'), days: 50, weight: 1 },
  { round: '2024年第二批', from: dayNumber('2024-10-14'), days: 45, weight: 1 },
  { round: '2025年第一批', from: dayNumber('2025-05-06'), days: 50, weight: 2 },
  { round: '2025年第二批', from: dayNumber('2025-10-13'), days: 45, weight: 3 },
  { round: '2026年第一批', from: dayNumber('2026-05-06'), days: 50, weight: 4 },
]
const LEVEL_SCORE_RANGES: Record<string, readonly [number, number]> = { A: [900, 985], B: [750, 899], C: [600, 749], D: [430, 599] }

type Cells = Record<CsvColumn, string>
interface ClassPlan {
  type: ClassType
  name: string
  minAge: number
  maxAge: number
  capacity: number
  enrolled: number
  caregivers: number
}
interface Nature {
  ownership: Ownership
  profit: ProfitType
  authority: RegisteringAuthority
  creditPrefix: string
}

/** Rows as cell arrays in CSV_COLUMNS order; deterministic for a given (count, seed), with unique credit codes for up to 10^8 rows. */
export function* generateInstitutionRows(count: number, seed: number): Generator<string[]> {
  const random = new SeededRandom(seed)
  const demonstrations = new Map<string, number>()
  const bodyOffset = random.int(0, 99_999_999)
  const nextCity = cityRotation()
  for (let index = 0; index < count; index++) {
    const city = nextCity()
    const cells = generateInstitution(random, city, index, bodyOffset, demonstrations)
    yield CSV_COLUMNS.map((column) => cells[column])
  }
}

/** The CSV text (header first, lines ending in \n) line by line. */
export function* generateInstitutionCsvLines(count: number, seed: number): Generator<string> {
  yield CSV_COLUMNS.join(',') + '\n'
  for (const row of generateInstitutionRows(count, seed)) yield row.map(quoteCsv).join(',') + '\n'
}

export function generateInstitutionsCsv(count: number, seed: number): string {
  let csv = ''
  for (const line of generateInstitutionCsvLines(count, seed)) csv += line
  return csv
}

/**
 * Smooth weighted round-robin: every area comes up in exact proportion to its weight and the small areas appear
 * within the first rows, so even a 320-row file has 35 % 长春 and covers the whole province.
 */
function cityRotation(): () => City {
  const totalWeight = CITIES.reduce((sum, city) => sum + CITY_WEIGHTS[city.code], 0)
  const credit = CITIES.map(() => 0)
  return () => {
    let best = 0
    CITIES.forEach((city, i) => {
      credit[i] += CITY_WEIGHTS[city.code]
      if (credit[i] > credit[best]) best = i
    })
    credit[best] -= totalWeight
    return CITIES[best]
  }
}

function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function generateInstitution(random: SeededRandom, city: City, index: number, bodyOffset: number, demonstrations: Map<string, number>): Cells {
  const district = random.weighted(city.districts.map((d) => [d, d.name.endsWith('区') ? 3 : 1] as const))
  const kind = random.weighted(KIND_WEIGHTS)
  const nature = chooseNature(random, kind)
  const breaches = kind !== 'home' && random.chance(0.03)
  const demonstrated =
    (demonstrations.get(city.code) ?? 0) < (DEMONSTRATION_QUOTA[city.code] ?? 1) && (kind === 'standalone' || kind === 'community') && !breaches
  if (demonstrated) demonstrations.set(city.code, (demonstrations.get(city.code) ?? 0) + 1)
  const inclusive = random.chance(nature.profit === 'forprofit' ? 0.05 : nature.ownership === 'public' ? 0.32 : 0.15)
  const road = random.pick(ROADS_BY_CITY[city.code] ?? GENERIC_ROADS)
  const classes = planClasses(random, kind, breaches)
  const filedOn = dayNumber('2020-06-01') + random.int(0, 2280)
  const [lat, lng] = scatterAround(random, district)
  const sanctioned = random.chance(breaches ? 0.3 : 0.015) && !demonstrated

  const cells: Omit<Cells, 'class_fees' | 'fee_items'> = {
    credit_code: creditCode(nature.creditPrefix, district, bodyOffset, index),
    name: institutionName(random, kind, district, road),
    kind,
    ownership: nature.ownership,
    profit: nature.profit,
    inclusive: String(inclusive),
    demonstration: String(demonstrated),
    registering_authority: nature.authority,
    filed_on: formatDay(filedOn),
    filing_authority: healthBureau(city, district),
    city_code: city.code,
    district_code: district.code,
    address: `${city.name}${district.name}${road}${random.int(1, 2999)}号（演示）`,
    lat: lat.toFixed(6),
    lng: lng.toFixed(6),
    phone: `${PHONE_AREA_CODES[city.code]}-0${random.int(1_000_000, 9_999_999)}`,
    description: description(kind, classes),
    refund_policy: random.pick(REFUND_POLICIES),
    prepayment_terms: random.pick(PREPAYMENT_TERMS),
    committee_established_on: committeeDate(random, filedOn),
    is_demo: 'true',
    updated_at: `${formatDay(REFERENCE_DAY - random.int(0, 60))}T${pad(random.int(8, 18))}:${pad(random.int(0, 59))}:00+08:00`,
    ...services(random, kind, city, district, inclusive),
    classes: classes.map((c) => [c.type, c.name, `${c.minAge}-${c.maxAge}`, c.capacity, c.enrolled, c.caregivers].join('|')).join(';'),
    ...staff(random, kind, classes),
    evaluations: evaluations(random, city, filedOn, demonstrated, kind),
    sanctions: sanctioned ? sanctions(random, city, district, filedOn) : '',
  }
  return { ...cells, class_fees: classFees(cells, classes), fee_items: feeItems(index, kind) }
}

function chooseNature(random: SeededRandom, kind: InstitutionKind): Nature {
  const publicNonprofit: Nature = { ownership: 'public', profit: 'nonprofit', authority: 'establishment', creditPrefix: '12' }
  const privateNonprofit: Nature = { ownership: 'private', profit: 'nonprofit', authority: 'civil_affairs', creditPrefix: '52' }
  const privateForprofit: Nature = { ownership: 'private', profit: 'forprofit', authority: 'market_regulation', creditPrefix: '91' }
  switch (kind) {
    case 'kindergarten': {
      // A kindergarten with a 托班 files directly with the county health department, whatever its own registration.
      const nature = random.weighted([
        [publicNonprofit, 55],
        [privateNonprofit, 27],
        [privateForprofit, 18],
      ] as const)
      return { ...nature, authority: 'health' }
    }
    case 'home':
      return { ...privateForprofit, creditPrefix: '92' } // 个体工商户
    case 'community':
      return random.weighted([
        [publicNonprofit, 50],
        [privateNonprofit, 50],
      ] as const)
    case 'employer':
      return random.weighted([
        [publicNonprofit, 40],
        [privateNonprofit, 20],
        [privateForprofit, 40],
      ] as const)
    case 'standalone':
      return random.weighted([
        [publicNonprofit, 15],
        [privateNonprofit, 20],
        [privateForprofit, 65],
      ] as const)
  }
}

/** GB 32100: prefix (authority + type), registering area, then a GB 11714 organisation code; the organisation code is a bijection of the row index. */
function creditCode(prefix: string, district: District, bodyOffset: number, index: number): string {
  const areaCode = district.code.startsWith('229') ? '220000' : district.code
  const body = String((bodyOffset + index * 48_271) % 100_000_000).padStart(8, '0')
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  const check = 11 - (sum % 11)
  return makeCreditCode(prefix + areaCode + body + (check === 10 ? 'X' : check === 11 ? '0' : String(check)))
}

function shortPlaceName(district: District): string {
  return district.name.length <= 3 ? district.name.replace(/[区县市]$/, '') : district.name.slice(0, 2)
}

function institutionName(random: SeededRandom, kind: InstitutionKind, district: District, road: string): string {
  const word = random.pick(NAME_WORDS)
  const place = shortPlaceName(district)
  switch (kind) {
    case 'standalone':
      return `${place}${word}${random.pick(STANDALONE_SUFFIXES)}（演示）`
    case 'kindergarten':
      return `${place}${word}幼儿园托班（演示）`
    case 'employer':
      return `${place}${word}${random.pick(EMPLOYER_HOSTS)}职工托育中心（演示）`
    case 'community':
      return `${road}${word}社区托育点（演示）`
    case 'home':
      return `${word}家庭托育点（演示）`
  }
}

function healthBureau(city: City, district: District): string {
  if (city.code.startsWith('229')) return `${city.name}卫生健康局`
  return district.name.endsWith('区') ? `${city.name}${district.name}卫生健康局` : `${district.name}卫生健康局`
}

/** Within a few km of the district centre, and inside the province (border districts can otherwise fall across a river). */
function scatterAround(random: SeededRandom, district: District): [number, number] {
  for (let attempt = 0; attempt < 10; attempt++) {
    const km = 4 * Math.sqrt(random.next())
    const angle = random.next() * 2 * Math.PI
    const lat = district.lat + (km * Math.cos(angle)) / 111
    const lng = district.lng + (km * Math.sin(angle)) / (111 * Math.cos((district.lat * Math.PI) / 180))
    if (isInsideJilin(lat, lng)) return [lat, lng]
  }
  return [district.lat, district.lng]
}

const CHINESE_NUMBERS = ['一', '二', '三', '四']
const CLASS_BASE_NAMES: Record<ClassType, string> = { infant: '乳儿', toddler: '托小', senior: '托大', mixed: '混龄', kindergarten: '托' }

function classTypesFor(random: SeededRandom, kind: InstitutionKind): ClassType[] {
  switch (kind) {
    case 'kindergarten':
      return Array<ClassType>(random.int(1, 3)).fill('kindergarten')
    case 'home':
      return ['mixed']
    case 'community':
      return random.pick<ClassType[]>([['toddler', 'senior'], ['mixed'], ['toddler', 'mixed'], ['senior', 'mixed']])
    default: {
      const types: ClassType[] = []
      if (random.chance(0.35)) types.push('infant')
      types.push(...Array<ClassType>(random.int(1, 2)).fill('toddler'), ...Array<ClassType>(random.int(1, 2)).fill('senior'))
      if (random.chance(0.2)) types.push('mixed')
      return types
    }
  }
}

function planClasses(random: SeededRandom, kind: InstitutionKind, breaches: boolean): ClassPlan[] {
  const types = classTypesFor(random, kind)
  const classes = types.map((type, position): ClassPlan => {
    const limit = legalLimitFor(type, kind)
    const ageRange = kind === 'home' ? { minAgeMonths: 12, maxAgeMonths: 36 } : CLASS_LIMITS[type]
    const capacity = random.int(Math.ceil(limit.maxSize * 0.6), limit.maxSize)
    const enrolled = random.chance(0.25) ? capacity : random.int(Math.ceil(capacity * 0.4), capacity)
    const caregivers = Math.max(1, Math.ceil(enrolled / limit.maxChildrenPerCaregiver) + (random.chance(0.3) ? 1 : 0))
    const sameTypeBefore = types.slice(0, position).filter((t) => t === type).length
    const numbered = types.filter((t) => t === type).length > 1 || type === 'kindergarten'
    const name = `${CLASS_BASE_NAMES[type]}${numbered ? CHINESE_NUMBERS[sameTypeBefore] : ''}班`
    return { type, name, minAge: ageRange.minAgeMonths, maxAge: ageRange.maxAgeMonths, capacity, enrolled, caregivers }
  })
  if (breaches) breakLimits(random, classes[random.int(0, classes.length - 1)], kind)
  return classes
}

function breakLimits(random: SeededRandom, target: ClassPlan, kind: InstitutionKind): void {
  const limit = legalLimitFor(target.type, kind)
  if (random.chance(0.5)) {
    target.capacity = limit.maxSize + random.int(1, 4)
    target.enrolled = target.capacity
    target.caregivers = Math.ceil(target.enrolled / limit.maxChildrenPerCaregiver)
  } else {
    target.enrolled = target.capacity
    target.caregivers = Math.max(1, Math.floor((target.enrolled - 1) / limit.maxChildrenPerCaregiver))
  }
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step
}

function services(
  random: SeededRandom,
  kind: InstitutionKind,
  city: City,
  district: District,
  inclusive: boolean,
): Pick<Cells, 'full_day' | 'half_day' | 'hourly' | 'temporary'> {
  const capital = city.code === '220100' || city.code === '229200'
  const [low, high] = inclusive
    ? capital
      ? [1500, 2400]
      : [1200, 2000]
    : kind === 'kindergarten'
      ? [1200, capital ? 2800 : 2200]
      : capital
        ? [2000, 4500]
        : city.code === '220200'
          ? [1600, 3500]
          : [1200, 2800]
  const countySide = !district.name.endsWith('区') // counties and county-level cities charge less than city districts
  const monthly = Math.max(1200, roundTo(random.int(low, high) * (countySide ? 0.8 : 1), 50))
  const offersFullDay = kind === 'kindergarten' || kind === 'home' || random.chance(0.97)
  const offersHalfDay = !offersFullDay || random.chance(kind === 'kindergarten' ? 0.1 : 0.45)
  const weekdays = random.chance(0.8) ? '周一至周五' : '周一至周六'
  return {
    full_day: offersFullDay ? `${random.pick(['07:30-17:30', '07:00-17:30', '07:30-18:00', '08:00-17:00'])}|${weekdays}|${monthly}|month` : '',
    half_day: offersHalfDay ? `${random.pick(['07:30-12:00', '08:00-11:30', '13:30-17:30'])}|${weekdays}|${roundTo(monthly * 0.6, 50)}|month` : '',
    hourly: kind !== 'kindergarten' && random.chance(0.2) ? `08:00-18:00|周一至周日|${roundTo(random.int(30, 80), 5)}|hour` : '',
    temporary: kind !== 'kindergarten' && random.chance(0.15) ? `07:30-17:30|周一至周六|${roundTo(random.int(120, 260), 10)}|day` : '',
  }
}

function staff(
  random: SeededRandom,
  kind: InstitutionKind,
  classes: ClassPlan[],
): Pick<Cells, 'staff_management' | 'staff_care' | 'staff_health' | 'staff_security' | 'staff_logistics'> {
  const caregivers = classes.reduce((sum, c) => sum + c.caregivers, 0)
  if (kind === 'home') return { staff_management: '1', staff_care: String(caregivers), staff_health: '0', staff_security: '0', staff_logistics: '0' }
  return {
    staff_management: String(random.int(1, classes.length > 3 ? 3 : 2)),
    staff_care: String(caregivers + random.int(0, 1)),
    staff_health: String(random.int(1, 2)),
    staff_security: String(random.int(1, 2)),
    staff_logistics: String(1 + Math.floor(classes.length / 2) + random.int(0, 1)),
  }
}

function committeeDate(random: SeededRandom, filedOn: number): string {
  if (!random.chance(0.61)) return ''
  const date = filedOn + random.int(20, 200)
  return date < REFERENCE_DAY ? formatDay(date) : ''
}

function evaluations(random: SeededRandom, city: City, filedOn: number, demonstrated: boolean, kind: InstitutionKind): string {
  if (!demonstrated && !random.chance(kind === 'home' ? 0.5 : 0.88)) return ''
  // An institution is first evaluated at least three months after filing.
  const eligible = EVALUATION_ROUNDS.filter((round) => round.from > filedOn + 90)
  if (eligible.length === 0) return ''
  const latest = random.weighted(eligible.map((round, i) => [i, round.weight] as const))
  const earlier = eligible
    .slice(0, latest)
    .filter(() => random.chance(0.35))
    .slice(-2)
  const rounds = [...earlier, eligible[latest]]
  const finalLevel = demonstrated
    ? 'A'
    : random.weighted([
        ['A', 15],
        ['B', 40],
        ['C', 35],
        ['D', 10],
      ] as const)
  const levelCodes = GRADE_SCHEME.levels.map((level) => level.code) // best first
  return rounds
    .map((round, i) => {
      const stepsBefore = rounds.length - 1 - i
      const levelIndex = Math.min(levelCodes.length - 1, levelCodes.indexOf(finalLevel) + (stepsBefore > 0 && random.chance(0.4) ? 1 : 0))
      const level = levelCodes[levelIndex]
      const score = random.int(...LEVEL_SCORE_RANGES[level])
      const evaluatedOn = round.from + random.int(0, round.days)
      const validUntil = lastDayAfterYears(evaluatedOn, 2)
      const department = city.code.startsWith('229') ? `${city.name}卫生健康局` : `${city.name}卫生健康委员会`
      return [round.round, formatDay(evaluatedOn), formatDay(validUntil), level, score, dimensionScores(random, score).join('/'), department].join('|')
    })
    .reverse()
    .join(';') // newest first, as regulators list them
}

/** Spreads a total over the scheme's dimensions in proportion to their maxima, with noise, each within its maximum. */
function dimensionScores(random: SeededRandom, total: number): number[] {
  const dimensions = GRADE_SCHEME.dimensions
  const share = total / GRADE_SCHEME.maxScore
  const scores = dimensions.map((d) => Math.min(d.maxScore, Math.max(0, Math.round(d.maxScore * (share + (random.next() - 0.5) * 0.08)))))
  let difference = total - scores.reduce((sum, s) => sum + s, 0)
  for (let i = 0; difference !== 0; i = (i + 1) % scores.length) {
    const step = difference > 0 ? 1 : -1
    const next = scores[i] + step
    if (next >= 0 && next <= dimensions[i].maxScore) {
      scores[i] = next
      difference -= step
    }
  }
  return scores
}

function sanctions(random: SeededRandom, city: City, district: District, filedOn: number): string {
  const chosen = random.pick(SANCTION_CASES)
  const earliest = Math.max(filedOn + 60, dayNumber('2024-01-01'))
  const decidedOn = earliest < REFERENCE_DAY ? random.int(earliest, REFERENCE_DAY - 1) : REFERENCE_DAY - 10
  const place = city.code.startsWith('229') ? city.name : district.name.endsWith('区') ? `${city.name}${district.name}` : district.name
  return [chosen.kind, formatDay(decidedOn), chosen.measure, chosen.reason, `${place}${chosen.department}`].join('|')
}

function description(kind: InstitutionKind, classes: ClassPlan[]): string {
  const minAge = Math.min(...classes.map((c) => c.minAge))
  const maxAge = Math.max(...classes.map((c) => c.maxAge))
  const what = {
    standalone: '独立托育机构',
    kindergarten: '幼儿园托班',
    employer: '用人单位办托，优先招收职工子女，兼顾周边居民和随迁婴幼儿',
    community: '社区托育点',
    home: '家庭托育点，最多收托5名婴幼儿',
  }[kind]
  return `【演示数据】本条为系统演示用的虚构机构，并非真实机构。${what}，招收${minAge}–${maxAge}个月婴幼儿，共${classes.length}个班。`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * Infants need more care (乳儿班 charges about 15% more) and 托大班 a little less: by the month, for the monthly forms.
 * Worked out from the rows' own fees, without drawing from the random stream, so every other column stays as it was.
 */
function classFees(offered: Pick<Cells, 'full_day' | 'half_day'>, classes: ClassPlan[]): string {
  const types = new Set(classes.map((c) => c.type))
  const entries: string[] = []
  for (const form of ['full_day', 'half_day'] as const) {
    if (offered[form] === '') continue
    const fee = Number(offered[form].split('|')[2])
    if (types.has('infant')) entries.push(`${form}|infant|${roundTo(fee * 1.15, 50)}`)
    if (types.has('senior')) entries.push(`${form}|senior|${roundTo(fee * 0.95, 50)}`)
  }
  return entries.join(';')
}

/** 伙食费 by the day (12–24 yuan), and at some a one-off 床品费; from the row's position, not the random stream. */
function feeItems(index: number, kind: InstitutionKind): string {
  const meals = 12 + ((index * 7) % 13)
  const items = [`meals|${meals}|day|按实际出勤天数收取，缺勤不收`]
  if (kind !== 'kindergarten' && index % 3 === 0) items.push('bedding|200|once|入托时一次性收取，可自带')
  return items.join(';')
}

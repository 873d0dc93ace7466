import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CITIES } from '../../server/db/reference/regions'
import { classBreaches } from '../../server/features/institutions/class-rules'
import { parseInstitutionsCsv } from '../../server/features/institutions/import/parse-csv'
import { generateInstitutionsCsv } from './institution-generator'

const DEMO_CSV = join(__dirname, '../../mock/fixtures/institutions.csv')
const TODAY = '2026-11-28'

describe('the committed demo data (mock/fixtures/institutions.csv)', () => {
  const text = readFileSync(DEMO_CSV, 'utf8')
  const { records, errors } = parseInstitutionsCsv(text, { today: TODAY })
  const institutions = records.map((r) => r.record)

  it('parses without a single error', () => {
    expect(errors).toEqual([])
    expect(records.length).toBeGreaterThanOrEqual(300)
  })

  it('is what the generator makes with the default count and seed, so it can be regenerated', () => {
    expect(text).toBe(generateInstitutionsCsv(320, 20261101))
  })

  it('covers all 11 areas, with about 35 % in 长春 and 20 % in 吉林市', () => {
    const perCity = (code: string) => institutions.filter((i) => i.cityCode === code).length / institutions.length
    for (const city of CITIES) expect(perCity(city.code)).toBeGreaterThan(0)
    expect(perCity('220100')).toBeCloseTo(0.35, 1)
    expect(perCity('220200')).toBeCloseTo(0.2, 1)
  })

  it('is marked as demo data everywhere', () => {
    for (const i of institutions) {
      expect(i.isDemo).toBe(true)
      expect(i.description.startsWith('【演示数据】')).toBe(true)
      expect(i.name).toContain('（演示）')
      expect(i.address).toContain('（演示）')
    }
  })

  it('has 3–5 示范 institutions in 长春 and 吉林市 and 1–2 in every other area', () => {
    for (const city of CITIES) {
      const count = institutions.filter((i) => i.demonstration && i.cityCode === city.code).length
      const [min, max] = city.code === '220100' || city.code === '220200' ? [3, 5] : [1, 2]
      expect({ city: city.name, count: Math.min(max, Math.max(min, count)) }).toEqual({ city: city.name, count })
    }
  })

  it('keeps registering authorities consistent with nature and kind', () => {
    for (const i of institutions) {
      const expected =
        i.kind === 'kindergarten' ? 'health' : i.profit === 'forprofit' ? 'market_regulation' : i.ownership === 'public' ? 'establishment' : 'civil_affairs'
      expect(i.registeringAuthority).toBe(expected)
    }
  })

  it('keeps kindergartens to 托班 of 24–36 months and home-based points to 5 children', () => {
    for (const i of institutions.filter((x) => x.kind === 'kindergarten')) {
      for (const c of i.classes) expect([c.type, c.minAgeMonths, c.maxAgeMonths]).toEqual(['kindergarten', 24, 36])
    }
    for (const i of institutions.filter((x) => x.kind === 'home')) {
      expect(i.classes.reduce((sum, c) => sum + c.enrolled, 0)).toBeLessThanOrEqual(5)
    }
  })

  it('has a few institutions (1–6 %) that break the class limits, and the mix of grades, sanctions and committees asked for', () => {
    const share = (predicate: (i: (typeof institutions)[number]) => boolean) => institutions.filter(predicate).length / institutions.length
    expect(share((i) => i.classes.some((c) => classBreaches(c, i.kind).breaches.length > 0))).toBeGreaterThanOrEqual(0.01)
    expect(share((i) => i.classes.some((c) => classBreaches(c, i.kind).breaches.length > 0))).toBeLessThanOrEqual(0.06)
    expect(share((i) => i.evaluations.length > 0)).toBeCloseTo(0.75, 1)
    expect(share((i) => i.evaluations.length > 0 && i.evaluations[0].validUntil < '2026-11-01')).toBeGreaterThan(0)
    expect(share((i) => i.inclusive)).toBeCloseTo(0.15, 1)
    expect(share((i) => i.sanctions.length > 0)).toBeGreaterThan(0.005)
    expect(share((i) => i.sanctions.length > 0)).toBeLessThan(0.05)
    expect(share((i) => i.committeeEstablishedOn !== null)).toBeCloseTo(0.6, 1)
  })

  it('prices full-day care between ¥1200 and ¥4500 a month', () => {
    const fees = institutions.flatMap((i) => i.services.filter((s) => s.form === 'full_day').map((s) => s.fee))
    expect(Math.min(...fees)).toBeGreaterThanOrEqual(1200)
    expect(Math.max(...fees)).toBeLessThanOrEqual(4500)
  })
})

describe('generateInstitutionsCsv', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateInstitutionsCsv(50, 7)).toBe(generateInstitutionsCsv(50, 7))
    expect(generateInstitutionsCsv(50, 7)).not.toBe(generateInstitutionsCsv(50, 8))
  })

  it('makes 3000 valid rows with unique credit codes', () => {
    const { records, errors } = parseInstitutionsCsv(generateInstitutionsCsv(3000, 42), { today: TODAY })
    expect(errors).toEqual([])
    expect(records).toHaveLength(3000)
  })
})

import { BUDGET_UNIT_OF_FORM, SERVICE_FORMS } from '../../../types/institutions'
import { BUDGET_UNIT, budgetOf, buildSearchQuery, countPanelFilters, emptyFilters, hasFiltersBesidesSearch } from './filters'

const device = { kind: 'device', lat: 43.86, lng: 125.31 } as const
const region = { kind: 'region', code: '220104', name: '长春 · 朝阳区', lat: 43.83, lng: 125.29 } as const

describe('buildSearchQuery', () => {
  it('searches around the device with a radius and only the filters that are set', () => {
    const query = buildSearchQuery(device, { ...emptyFilters, radiusKm: 3, serviceForms: ['hourly'], vacanciesOnly: true, q: '  阳光 ' }, 'distance', 2, 10)
    expect(query).toEqual({
      lat: 43.86,
      lng: 125.31,
      radiusKm: 3,
      serviceForm: ['hourly'],
      vacanciesOnly: true,
      q: '阳光',
      sort: 'distance',
      page: 2,
      pageSize: 10,
    })
  })

  it('sends the region instead of coordinates, drops the radius and never sorts by distance', () => {
    const query = buildSearchQuery(region, { ...emptyFilters, radiusKm: 3 }, 'distance', 1, 10)
    expect(query).toEqual({ region: '220104', sort: 'grade', page: 1, pageSize: 10 })
  })

  it('searches a map area instead of the region, keeping the device position for distances', () => {
    const area = { west: 125.301234567, south: 43.85, east: 125.34, north: 43.880004 }
    expect(buildSearchQuery(region, { ...emptyFilters, area }, 'grade', 1, 10)).toEqual({
      bbox: '125.30123,43.85,125.34,43.88',
      sort: 'grade',
      page: 1,
      pageSize: 10,
    })
    expect(buildSearchQuery(device, { ...emptyFilters, area, kinds: ['home'] }, 'distance', 1, 10)).toEqual({
      lat: 43.86,
      lng: 125.31,
      bbox: '125.30123,43.85,125.34,43.88',
      kind: ['home'],
      sort: 'distance',
      page: 1,
      pageSize: 10,
    })
  })

  it('counts a searched area as a filter to widen, not as a panel filter', () => {
    const area = { west: 125.3, south: 43.85, east: 125.34, north: 43.88 }
    expect(hasFiltersBesidesSearch({ ...emptyFilters, area })).toBe(true)
    expect(countPanelFilters({ ...emptyFilters, area })).toBe(0)
    expect(hasFiltersBesidesSearch(emptyFilters)).toBe(false)
  })

  it('counts only filters that live in the panel', () => {
    expect(countPanelFilters({ ...emptyFilters, serviceForms: ['full_day'], q: 'x' })).toBe(0)
    expect(countPanelFilters({ ...emptyFilters, kinds: ['home'], ownership: 'public', childBirthMonth: '2025-01' })).toBe(3)
  })

  it('sends a budget and counts it as a panel filter', () => {
    expect(buildSearchQuery(region, { ...emptyFilters, serviceForms: ['hourly'], maxFee: 50 }, 'grade', 1, 10)).toMatchObject({
      serviceForm: ['hourly'],
      maxFee: 50,
    })
    expect(countPanelFilters({ ...emptyFilters, maxFee: 2000 })).toBe(1)
  })
})

describe('budgetOf', () => {
  it('reads the budget in the unit of the first chosen service form, monthly without one', () => {
    expect(budgetOf([])).toMatchObject({ form: null, unit: 'month' })
    expect(budgetOf(['hourly', 'full_day'])).toMatchObject({ form: 'hourly', unit: 'hour' })
    expect(budgetOf(['temporary'])).toMatchObject({ form: 'temporary', unit: 'day' })
    expect(budgetOf(['half_day']).steps.length).toBeGreaterThan(2)
  })

  it('uses the unit the BFF reads maxFee in for every service form', () => {
    for (const form of SERVICE_FORMS) expect(BUDGET_UNIT[form]).toBe(BUDGET_UNIT_OF_FORM[form])
  })
})

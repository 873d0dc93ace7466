import { chinaToday } from '../../shared/china-time'
import { aClass, bornMonthsAgo, chinaTime, hoursFromNow, moveClass, published } from './test-fixtures'
import { signedInCentreStaff, useTestApp } from '../../../test/support/test-app'
import { aHealthCentre } from '../../../test/support/seed-registry'

const { app } = useTestApp()
const ids: Record<string, string> = {}
const titleOf = new Map<string, string>()

const NANGUAN = { lat: 43.858, lng: 125.352 }

beforeAll(async () => {
  const chaoyang = await aHealthCentre(app)
  const nanguan = await aHealthCentre(app, { districtCode: '220102', address: '长春市南关区测试大街1号', ...NANGUAN })
  const yanji = await aHealthCentre(app, { cityCode: '222400', districtCode: '222401', address: '延吉市测试路1号', lat: 42.9, lng: 129.5 })
  const staff = (await signedInCentreStaff(app, chaoyang.id, nanguan.id, yanji.id)).headers
  const classes = {
    feeding: aClass(chaoyang.id, { title: '朝阳辅食课', startsAt: chinaTime(2, 14), endsAt: chinaTime(2, 15) }),
    safety: aClass(nanguan.id, {
      title: '南关急救活动',
      topic: 'safety_first_aid',
      kind: 'activity',
      minAgeMonths: 12,
      maxAgeMonths: 36,
      startsAt: chinaTime(1, 14),
      endsAt: chinaTime(1, 15),
    }),
    online: aClass(chaoyang.id, {
      title: '线上心理课',
      topic: 'psychology',
      mode: 'online',
      venue: '腾讯会议',
      onlineUrl: 'https://meeting.example.cn/1',
      minAgeMonths: 0,
      maxAgeMonths: 36,
      startsAt: chinaTime(1, 10),
      endsAt: chinaTime(1, 11),
    }),
    yanji: aClass(yanji.id, {
      title: '延吉生长发育课',
      topic: 'growth',
      minAgeMonths: 0,
      maxAgeMonths: 12,
      startsAt: chinaTime(3, 9),
      endsAt: chinaTime(3, 10),
    }),
    later: aClass(chaoyang.id, {
      title: '朝阳十天后的课',
      topic: 'early_development',
      minAgeMonths: 24,
      maxAgeMonths: 36,
      startsAt: chinaTime(10, 9),
      endsAt: chinaTime(10, 10),
    }),
    cancelled: aClass(chaoyang.id, { title: '已取消的课', startsAt: chinaTime(2, 9), endsAt: chinaTime(2, 10) }),
    started: aClass(chaoyang.id, { title: '已开始的课' }),
  }
  for (const [key, body] of Object.entries(classes)) {
    ids[key] = await published(app, staff, body)
    titleOf.set(ids[key], body.title)
  }
  await app.inject({ method: 'POST', url: `/api/centre/classes/${ids.cancelled}/cancel`, headers: staff, payload: { reason: '专家出差' } })
  await moveClass(app, ids.started, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) })
})

const search = (query: string) => app.inject({ method: 'GET', url: `/api/classes?${query}` })
async function titles(query: string): Promise<string[]> {
  const response = await search(query)
  expect(response.statusCode).toBe(200)
  return response.json().items.map((c: { title: string }) => c.title)
}

describe('finding classes', () => {
  it('near a point: venues nearest first within the radius, online classes after them; cancelled and started ones never', async () => {
    const response = await search(`lat=${NANGUAN.lat}&lng=${NANGUAN.lng}`)
    const items = response.json().items
    expect(items.map((c: { title: string }) => c.title)).toEqual(['南关急救活动', '朝阳辅食课', '朝阳十天后的课', '线上心理课'])
    expect(items[0].distanceKm).toBe(0)
    expect(items[1].distanceKm).toBeGreaterThan(4)
    expect(items[1].distanceKm).toBeLessThan(7)
    expect(items[3]).toMatchObject({ mode: 'online', distanceKm: null, lat: null })
    expect(await titles(`lat=${NANGUAN.lat}&lng=${NANGUAN.lng}&radiusKm=1`)).toEqual(['南关急救活动', '线上心理课'])
    expect(response.json()).toMatchObject({ total: 4, page: 1, pageSize: 20, hasMore: false })
  })

  it('in a 市州 or district: soonest first', async () => {
    expect(await titles('cityCode=220100')).toEqual(['线上心理课', '南关急救活动', '朝阳辅食课', '朝阳十天后的课'])
    expect(await titles('districtCode=220102')).toEqual(['南关急救活动'])
    expect(await titles('cityCode=222400')).toEqual(['延吉生长发育课'])
    expect(await titles('')).toEqual(['线上心理课', '南关急救活动', '朝阳辅食课', '延吉生长发育课', '朝阳十天后的课'])
  })

  it('by topic, kind and mode', async () => {
    expect(await titles('topic=safety_first_aid')).toEqual(['南关急救活动'])
    expect(await titles('kind=activity')).toEqual(['南关急救活动'])
    expect(await titles('mode=online')).toEqual(['线上心理课'])
    expect(await titles('mode=offline&cityCode=220100&topic=feeding_nutrition')).toEqual(['朝阳辅食课'])
  })

  it("by the child's age at the class: a 14-month-old fits 6–24, 12–36 and 0–36, not 0–12 or 24–36", async () => {
    expect(await titles(`childBirthMonth=${bornMonthsAgo(14)}`)).toEqual(['线上心理课', '南关急救活动', '朝阳辅食课'])
    expect(await titles(`childBirthMonth=${bornMonthsAgo(2)}`)).toEqual(['线上心理课', '延吉生长发育课'])
  })

  it('by China calendar days, both ends included', async () => {
    const day = (n: number) => chinaTime(n, 12).slice(0, 10)
    expect(await titles(`from=${day(9)}`)).toEqual(['朝阳十天后的课'])
    expect(await titles(`to=${day(1)}`)).toEqual(['线上心理课', '南关急救活动'])
    expect(await titles(`from=${day(2)}&to=${day(3)}`)).toEqual(['朝阳辅食课', '延吉生长发育课'])
    expect(await titles(`from=2020-01-01&to=${chinaToday()}`)).toEqual([])
  })

  it('pages through the results', async () => {
    const first = (await search('pageSize=2')).json()
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2, hasMore: true })
    const last = (await search('pageSize=2&page=3')).json()
    expect(last).toMatchObject({ total: 5, page: 3, hasMore: false })
    expect(last.items.map((c: { title: string }) => c.title)).toEqual(['朝阳十天后的课'])
  })

  it('shows each class with its centre, seats and times', async () => {
    const [item] = (await search('topic=safety_first_aid')).json().items
    expect(item).toMatchObject({
      id: ids.safety,
      kind: 'activity',
      topic: 'safety_first_aid',
      mode: 'offline',
      cityCode: '220100',
      districtCode: '220102',
      centre: { districtName: '南关区', phone: '0431-80000001' },
      venue: '中心三楼健康教育室',
      address: '长春市南关区测试大街1号',
      speaker: '王丽 主任医师',
      minAgeMonths: 12,
      maxAgeMonths: 36,
      capacity: 30,
      confirmedCount: 0,
      seatsLeft: 30,
      waitingCount: 0,
      status: 'scheduled',
      cancelReason: null,
      distanceKm: null,
    })
    expect(item.startsAt).toBe(chinaTime(1, 14))
  })

  it.each([
    ['lat without lng', 'lat=43.8', 'lng'],
    ['lng without lat', 'lng=125.3', 'lat'],
    ['an unknown 市州', 'cityCode=999999', 'cityCode'],
    ['an unknown district', 'districtCode=220199', 'districtCode'],
    ['a birth month in the future', `childBirthMonth=${Number(chinaToday().slice(0, 4)) + 1}-01`, 'childBirthMonth'],
    ['a malformed birth month', 'childBirthMonth=2025-13', 'childBirthMonth'],
    ['to before from', 'from=2030-02-01&to=2030-01-01', 'to'],
    ['a malformed date', 'from=2030-1-1', 'from'],
    ['an unknown topic', 'topic=astrology', 'topic'],
    ['a page size over 50', 'pageSize=51', 'pageSize'],
  ])('refuses %s with 400 naming the field', async (_case, query, field) => {
    const refused = await search(query)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().field).toBe(field)
  })
})

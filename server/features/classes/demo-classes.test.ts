import { sql } from 'kysely'
import { CLASS_TOPICS } from '../../../types/classes'
import { seedDemoHealthCentres } from '../roles/demo-health-centres'
import { DEMO_DAYS, seedDemoClasses } from './demo-classes'
import { bornMonthsAgo } from './test-fixtures'
import { useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let added: number

beforeAll(async () => {
  await seedDemoHealthCentres(app.database.db)
  added = await seedDemoClasses(app.database.db)
})

const demoClasses = () => app.database.db.selectFrom('parentingClasses').selectAll().where('isDemo', '=', true).execute()
const chinaHourMinute = (iso: string) => {
  const t = new Date(Date.parse(iso) + 8 * 3600_000)
  return t.getUTCHours() * 60 + t.getUTCMinutes()
}

describe('demo classes', () => {
  it('are realistic: every topic, both kinds, some online, 0–36 months, 15–60 seats, China daytime over three weeks', async () => {
    const rows = await demoClasses()
    expect(added).toBe(rows.length)
    expect(rows.length).toBeGreaterThan(100)
    expect(new Set(rows.map((r) => r.topic))).toEqual(new Set(CLASS_TOPICS))
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['class', 'activity']))
    const online = rows.filter((r) => r.mode === 'online')
    expect(online.length).toBeGreaterThan(3)
    expect(online.length).toBeLessThan(rows.length / 3)
    expect(Math.min(...rows.map((r) => r.minAgeMonths))).toBe(0)
    expect(Math.max(...rows.map((r) => r.maxAgeMonths))).toBe(36)
    expect(rows.every((r) => r.capacity >= 15 && r.capacity <= 60)).toBe(true)
    expect(rows.every((r) => chinaHourMinute(r.startsAt) >= 9 * 60 && chinaHourMinute(r.endsAt) <= 17 * 60)).toBe(true)
    const lastStart = Math.max(...rows.map((r) => Date.parse(r.startsAt)))
    expect(lastStart - Date.now()).toBeLessThan(DEMO_DAYS * 86400_000)
    expect(rows.every((r) => Date.parse(r.startsAt) > Date.now())).toBe(true)
    expect(rows.every((r) => /[\u4e00-\u9fff]/.test(r.title) && /[\u4e00-\u9fff]/.test(r.description) && / /.test(r.speaker))).toBe(true)
    expect(new Set(rows.map((r) => r.centreId)).size).toBe(22)
  })

  it('include nearly full classes and full ones with a waiting list, with counters matching the rows', async () => {
    const rows = await demoClasses()
    expect(rows.filter((r) => r.capacity - r.confirmedCount > 0 && r.capacity - r.confirmedCount <= 3).length).toBeGreaterThan(2)
    expect(rows.filter((r) => r.confirmedCount === r.capacity).length).toBeGreaterThan(2)
    const mismatched = await sql<{ id: string }>`SELECT c.id FROM parenting_classes c
      WHERE c.confirmed_count <> (SELECT count(*) FROM class_sign_ups s WHERE s.class_id = c.id AND s.status = 'confirmed')
         OR c.last_queue_number <> (SELECT count(*) FROM class_sign_ups s WHERE s.class_id = c.id)`.execute(app.database.db)
    expect(mismatched.rows).toEqual([])
    const withWaitingList = await sql<{ n: number }>`SELECT count(DISTINCT class_id)::int AS n FROM class_sign_ups WHERE status = 'waiting'`.execute(
      app.database.db,
    )
    expect(withWaitingList.rows[0].n).toBeGreaterThan(2)
  })

  it('offer several classes for a 14-month-old near Changchun', async () => {
    const found = await app.inject({ method: 'GET', url: `/api/classes?lat=43.88&lng=125.32&childBirthMonth=${bornMonthsAgo(14)}&mode=offline` })
    expect(found.statusCode).toBe(200)
    expect(found.json().total).toBeGreaterThanOrEqual(5)
    expect(found.json().items[0].distanceKm).toBeLessThan(30)
  })

  it('are topped up idempotently: a restart adds nothing, a restart a week later only the new days', async () => {
    const before = await demoClasses()
    expect(await seedDemoClasses(app.database.db)).toBe(0)
    expect(await demoClasses()).toHaveLength(before.length)

    const weekLater = new Date(Date.now() + 7 * 86400_000)
    const topUp = await seedDemoClasses(app.database.db, weekLater)
    expect(topUp).toBeGreaterThan(0)
    const after = await demoClasses()
    expect(after).toHaveLength(before.length + topUp)
    expect(new Set(after.map((r) => r.demoKey)).size).toBe(after.length)
    const lastBefore = Math.max(...before.map((r) => Date.parse(r.startsAt)))
    const added = after.filter((r) => !before.some((b) => b.id === r.id))
    expect(added.every((r) => Date.parse(r.startsAt) > lastBefore - 86400_000)).toBe(true)
  })
})

import type { AddressInfo } from 'node:net'
import { issueSession } from '../server/features/auth/session-service'
import { buildTestApp } from '../test/support/test-app'
import { createTestDatabase } from '../test/support/test-database'

/**
 * Class sign-ups through the real BFF over HTTP, in process: N distinct parents sign up for a handful of classes,
 * `concurrency` requests at a time, so most requests queue on a class row lock (the seats-never-oversold path).
 * Prints sign-ups per second and latency; checks that the counters match the rows. No pass/fail.
 * BENCH_SIGN_UPS (default 2000) parents, BENCH_SIGN_UP_CONCURRENCY (default 50); PostgreSQL too when DATABASE_URL is set.
 */
const PARENTS = Number(process.env.BENCH_SIGN_UPS || 2000)
const CONCURRENCY = Number(process.env.BENCH_SIGN_UP_CONCURRENCY || 50)
const CLASSES = 20
const CAPACITY = 60

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function benchOne(databaseUrl: string | null) {
  const label = databaseUrl ? 'PostgreSQL' : 'PGlite'
  const testDb = await createTestDatabase(databaseUrl)
  const { app } = await buildTestApp(testDb)
  try {
    const { db } = testDb.database
    const centre = await db
      .insertInto('healthCentres')
      .values({
        name: '压测社区卫生服务中心',
        cityCode: '220100',
        districtCode: '220104',
        address: '长春市朝阳区压测路1号',
        lat: 43.83,
        lng: 125.3,
        phone: '0431-80000000',
        isDemo: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const starts = new Date(Date.now() + 3 * 86400_000)
    const classes = await db
      .insertInto('parentingClasses')
      .values(
        Array.from({ length: CLASSES }, (_, i) => ({
          centreId: centre.id,
          title: `压测课堂${i + 1}`,
          kind: 'class',
          topic: 'growth',
          mode: 'offline',
          description: '',
          venue: '压测教室',
          address: '长春市朝阳区压测路1号',
          lat: 43.83,
          lng: 125.3,
          startsAt: starts.toISOString(),
          endsAt: new Date(starts.getTime() + 3600_000).toISOString(),
          cancellableUntil: new Date(starts.getTime() - 7200_000).toISOString(),
          speaker: '压测 医师',
          minAgeMonths: 0,
          maxAgeMonths: 36,
          capacity: CAPACITY,
        })),
      )
      .returning('id')
      .execute()
    const users = await db
      .insertInto('users')
      .values(Array.from({ length: PARENTS }, (_, i) => ({ phone: `170${String(i).padStart(8, '0')}` })))
      .returning('id')
      .execute()
    const tokens: string[] = []
    for (let i = 0; i < users.length; i += 100) {
      tokens.push(...(await Promise.all(users.slice(i, i + 100).map((u) => issueSession(app, u.id, 'phone')))).map((s) => s.accessToken))
    }

    await app.listen({ port: 0, host: '127.0.0.1' })
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const latencies: number[] = []
    let failures = 0
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PARENTS) {
          const i = next++
          const t = performance.now()
          const response = await fetch(`${base}/api/classes/${classes[i % CLASSES].id}/sign-ups`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
            body: JSON.stringify({ subscribed: ['sign_up_confirmed', 'promoted', 'reminder'] }),
          })
          await response.arrayBuffer()
          latencies.push(performance.now() - t)
          if (response.status !== 201) failures += 1
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)

    const counts = await db
      .selectFrom('classSignUps')
      .select(['status', db.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute()
    const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))
    const counters = await db.selectFrom('parentingClasses').select(db.fn.sum<number>('confirmedCount').as('seats')).executeTakeFirstOrThrow()
    const consistent = Number(counters.seats) === (byStatus.confirmed ?? 0) && (byStatus.confirmed ?? 0) === Math.min(PARENTS, CLASSES * CAPACITY)
    console.log(
      `${`class sign-ups (${label})`.padEnd(34)} ${(PARENTS / seconds).toFixed(0).padStart(6)} sign-ups/s   latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms   ` +
        `${PARENTS} parents, ${CLASSES} classes of ${CAPACITY}, concurrency ${CONCURRENCY}: ${byStatus.confirmed ?? 0} confirmed, ${byStatus.waiting ?? 0} waiting, ` +
        `failures ${failures}, counters ${consistent ? 'match the rows' : 'DO NOT MATCH the rows'}`,
    )
  } finally {
    await app.close()
    await testDb.close()
  }
}

/** PGlite always; PostgreSQL as well when DATABASE_URL is set. */
export async function benchSignUps(): Promise<void> {
  console.log(`\nclass sign-ups: ${PARENTS} distinct parents over HTTP, ${CONCURRENCY} at a time, in process`)
  await benchOne(null)
  if (process.env.DATABASE_URL) await benchOne(process.env.DATABASE_URL)
}

if (require.main === module) {
  benchSignUps().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { startPostgresCluster, type PostgresCluster } from '../../test/support/postgres-cluster'
import { buildTestApp, signedInUser } from '../../test/support/test-app'
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database'
import { enqueue } from '../shared/jobs/repository'
import { startJobWorker, type JobWorker } from '../shared/jobs/worker'

/**
 * PostgreSQL restarting or failing over under the BFF. The test runs a server of its own (PostgreSQL 15 in a temporary
 * directory, on a free port), whatever DATABASE_URL says: the shared server the other tests use is never stopped.
 */

let cluster: PostgresCluster
let testDb: TestDatabase
let app: FastifyInstance
let parent: { headers: Record<string, string> }
let worker: JobWorker
const jobsRun: Array<{ id: string; at: number }> = []

beforeAll(async () => {
  cluster = await startPostgresCluster()
  testDb = await createTestDatabase(cluster.url)
  app = (await buildTestApp(testDb)).app
  parent = await signedInUser(app)
  worker = startJobWorker({
    db: app.database.db,
    log: app.log,
    instanceId: 'outage-test',
    pollMs: 200,
    handlers: {
      'outage-test': async (job) => {
        jobsRun.push({ id: job.id, at: Date.now() })
      },
    },
  })
  // Broken connections are expected here: keep the pool's warnings out of the test's output.
  jest.spyOn(console, 'warn').mockImplementation(() => {})
}, 120_000)

afterAll(async () => {
  await worker?.stop()
  await app?.close()
  await testDb?.close()
  await cluster?.destroy()
  jest.restoreAllMocks()
})

interface Outcome {
  kind: 'file' | 'me' | 'articles'
  key?: string
  status: number
  code?: string
  retryAfter?: string
  at: number
}

/** Every filing is the same draft: sent again under its key, it must be recognised as the same complaint. */
const COMPLAINT = {
  provider: { name: '无证托育点', address: '长春市朝阳区某小区 3 栋', cityCode: '220100' },
  category: 'safety',
  description: '楼道堆放杂物，消防通道堵塞。',
  occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
  photoIds: [],
  anonymous: true,
}
const file = (key: string) => app.inject({ method: 'POST', url: '/api/complaints', headers: { 'idempotency-key': key }, payload: COMPLAINT })

async function request(kind: Outcome['kind']): Promise<Outcome> {
  const key = kind === 'file' ? randomUUID() : undefined
  const response =
    kind === 'file'
      ? await file(key!)
      : kind === 'me'
        ? await app.inject({ url: '/api/me', headers: parent.headers })
        : await app.inject({ url: '/api/articles' })
  const code = response.statusCode >= 400 ? response.json().code : undefined
  return { kind, key, status: response.statusCode, code, retryAfter: response.headers['retry-after'] as string | undefined, at: Date.now() }
}

/** Clients sending writes and reads, one after the other, until stopped. */
function startLoad(clients: number) {
  const outcomes: Outcome[] = []
  let running = true
  const kinds: Array<Outcome['kind']> = ['file', 'me', 'articles']
  const loops = Array.from({ length: clients }, async (_, client) => {
    for (let n = client; running; n++) outcomes.push(await request(kinds[n % kinds.length]))
  })
  return {
    outcomes,
    stop: async () => {
      running = false
      await Promise.all(loops)
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const health = () => app.inject('/api/health')
let outcomes: Outcome[] = []
let stoppedAt = 0
let jobId = ''

it('serves reads and writes on its own PostgreSQL server', async () => {
  expect(cluster.url).not.toContain(':5432/')
  expect((await health()).json()).toMatchObject({ status: 'ok', database: 'postgres' })
  expect((await request('file')).status).toBe(201)
})

it('answers 503 database_unavailable with Retry-After while PostgreSQL is stopped under load, and stays up', async () => {
  // A job that falls due while the server is away.
  await enqueue(app.database.db, { kind: 'outage-test', payload: {}, runAt: new Date(Date.now() + 2000).toISOString() })
  jobId = (await app.database.db.selectFrom('jobs').select('id').where('kind', '=', 'outage-test').executeTakeFirstOrThrow()).id
  const load = startLoad(6)
  await sleep(800)
  await cluster.stop('immediate')
  stoppedAt = Date.now()
  await sleep(2500)
  const away = await health()
  await load.stop()
  outcomes = load.outcomes

  expect(away.statusCode).toBe(503)
  expect(away.headers['retry-after']).toBe('5')
  expect(away.json()).toMatchObject({ code: 'database_unavailable', message: '数据库暂时不可用，请稍后再试' })

  const before = outcomes.filter((o) => o.at < stoppedAt)
  const after = outcomes.filter((o) => o.at > stoppedAt + 500)
  expect(before.filter((o) => o.status < 300).length).toBeGreaterThan(10)
  expect(after.length).toBeGreaterThan(10)
  // Never a 500, never a 401 that would sign the parent out: a success, or 503 with Retry-After and its code.
  const others = outcomes.filter((o) => !(o.status < 300 || (o.status === 503 && o.code === 'database_unavailable' && o.retryAfter === '5')))
  expect(others).toEqual([])
  expect(after.every((o) => o.status === 503)).toBe(true)
})

it('recovers by itself within seconds of PostgreSQL coming back', async () => {
  await cluster.start()
  const back = Date.now()
  while ((await health()).statusCode !== 200) {
    expect(Date.now() - back).toBeLessThan(5000)
    await sleep(100)
  }
  expect((await request('file')).status).toBe(201)
  expect((await request('me')).status).toBe(200)
  expect((await request('articles')).status).toBe(200)
})

it('kept every acknowledged write, half-did none, and files a refused one exactly once when it is sent again', async () => {
  const db = app.database.db
  const rowsOf = (key: string) => db.selectFrom('complaints').select('id').where('idempotencyKey', '=', key).execute()
  const filings = outcomes.filter((o) => o.kind === 'file')
  const acknowledged = filings.filter((o) => o.status < 300)
  const refused = filings.filter((o) => o.status === 503)
  expect(refused.length).toBeGreaterThan(0)
  for (const filing of acknowledged) expect(await rowsOf(filing.key!)).toHaveLength(1)
  // The same request again, as the app does with its draft's key: filed now, or the one a lost answer had filed.
  for (let i = 0; i < refused.length; i += 10) {
    await Promise.all(
      refused.slice(i, i + 10).map(async (filing) => {
        expect([200, 201]).toContain((await file(filing.key!)).statusCode)
        expect(await rowsOf(filing.key!)).toHaveLength(1)
      }),
    )
  }
  // Filing writes the complaint and its first event in one transaction: never one without the other.
  const halfDone = await db
    .selectFrom('complaints')
    .select('trackingNumber')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('complaintEvents').select('id').whereRef('complaintEvents.complaintId', '=', 'complaints.id'))),
    )
    .execute()
  expect(halfDone).toEqual([])
})

it('keeps the job worker running through the outage: the job due meanwhile runs once the server is back', async () => {
  const deadline = Date.now() + 10_000
  while (!jobsRun.length && Date.now() < deadline) await sleep(100)
  expect(jobsRun.map((j) => j.id)).toEqual([jobId])
  expect(jobsRun[0].at).toBeGreaterThan(stoppedAt)
})

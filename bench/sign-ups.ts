import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import pg from 'pg'
import type { Database } from '../server/db/schema'
import { openDatabase } from '../server/db/open'
import { issueSession } from '../server/features/auth/session-service'
import { registerAuth } from '../server/shared/auth'
import { freePort } from '../test/support/bff-process'
import type { ClientPlan, ClientReport } from './sign-up-client'

/**
 * Class sign-ups against real BFF processes (server/main.ts, started as bench/run.ts starts it), the load from a client
 * process of its own (bench/sign-up-client.ts). Prints p50/p99 and sign-ups per second beside the goals of issue 13,
 * then reads the counts from the database: the seat counters must match the rows. No pass/fail.
 * (a) PGlite, one instance: BENCH_SIGN_UPS (default 2000) parents over 20 classes of 60, BENCH_SIGN_UP_CONCURRENCY
 *     (default 50) in flight.
 * (b) with DATABASE_URL, PostgreSQL, two instances (the client alternates between them): BENCH_BURST (default 500)
 *     parents at once for one class of 20 seats, in a database of its own (bench_sign_ups, made afresh).
 * Beside each: the same pattern of GET /api/health on the same connections (the floor this machine allows), and the
 * servers' CPU time per sign-up (hardly moved by other load on the machine, unlike the latencies).
 * The servers get a bench JWT_SECRET and the parents' sessions are issued with it, as a sign-in would.
 * BENCH_CPU_PROF=<dir>: the servers write V8 CPU profiles there (node --cpu-prof). BENCH_SIGN_UPS_ONLY=pglite|postgres: one of the two.
 */
const ROOT = path.resolve(__dirname, '..')
const PARENTS = Number(process.env.BENCH_SIGN_UPS || 2000)
const CONCURRENCY = Number(process.env.BENCH_SIGN_UP_CONCURRENCY || 50)
const BURST = Number(process.env.BENCH_BURST || 500)
const BENCH_SECRET = 'bench-secret-for-sign-ups-not-for-production-0123456789'
const ACCESS_TOKEN_SECONDS = 3600
const SUBSCRIBED = JSON.stringify({ subscribed: ['sign_up_confirmed', 'promoted', 'reminder'] })

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

interface Server {
  url: string
  child: ChildProcess
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort()
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []
  // tsx as a loader rather than its CLI: no wrapper process, so the pid is the server's (its CPU time is read below).
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      NODE_OPTIONS: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: BENCH_SECRET,
      ACCESS_TOKEN_SECONDS: String(ACCESS_TOKEN_SECONDS),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
      H5_DIR: path.join(os.tmpdir(), 'tuoyu-bench-no-h5'),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/api/health`, { headers: { connection: 'close' } })).ok) return { url, child }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGTERM')
  throw new Error('server did not start')
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  await exited
}

/** CPU seconds (user + system) the process has used so far (Linux). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** Runs the client while adding up the CPU time the servers spend meanwhile: a figure the machine's other load hardly moves. */
async function measured(servers: Server[], plan: ClientPlan): Promise<ClientReport & { serverCpuMsPerSignUp: number }> {
  const before = servers.map((s) => cpuSeconds(s.child.pid!))
  const result = await runClient(plan)
  const used = servers.reduce((sum, s, i) => sum + cpuSeconds(s.child.pid!) - before[i], 0)
  return { ...result, serverCpuMsPerSignUp: (used * 1000) / plan.requests.length }
}

function runClient(plan: ClientPlan): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'sign-up-client.ts')], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as ClientReport) : reject(new Error(`client exited with code ${code}`))))
    child.stdin.end(JSON.stringify(plan))
  })
}

/** Sessions as a sign-in opens them (session-service), signed with the servers' secret. */
async function issueTokens(db: Kysely<Database>, userIds: string[]): Promise<string[]> {
  const signer = Fastify({ logger: false }) as unknown as FastifyInstance
  await registerAuth(signer, { jwtSecret: BENCH_SECRET, accessTokenSeconds: ACCESS_TOKEN_SECONDS })
  signer.decorate('database', { db, kind: 'pglite', close: async () => {} })
  signer.decorate('settings', { accessTokenSeconds: ACCESS_TOKEN_SECONDS, refreshTokenDays: 1 } as FastifyInstance['settings'])
  await signer.ready()
  const tokens: string[] = []
  for (let i = 0; i < userIds.length; i += 100) {
    const batch = userIds.slice(i, i + 100)
    tokens.push(...(await Promise.all(batch.map((id) => issueSession(signer, id, 'phone')))).map((s) => s.accessToken))
  }
  await signer.close()
  return tokens
}

/** A centre, `classes` classes of `capacity` seats starting in three days, `parents` parents with sessions. */
async function prepare(db: Kysely<Database>, classes: number, capacity: number, parents: number) {
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
  const classRows = await db
    .insertInto('parentingClasses')
    .values(
      Array.from({ length: classes }, (_, i) => ({
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
        capacity,
      })),
    )
    .returning('id')
    .execute()
  const users: Array<{ id: string }> = []
  for (let i = 0; i < parents; i += 1000) {
    const phones = Array.from({ length: Math.min(1000, parents - i) }, (_, j) => ({ phone: `170${String(i + j).padStart(8, '0')}` }))
    users.push(...(await db.insertInto('users').values(phones).returning('id').execute()))
  }
  return {
    classIds: classRows.map((c) => c.id),
    tokens: await issueTokens(
      db,
      users.map((u) => u.id),
    ),
  }
}

async function countSeats(db: Kysely<Database>) {
  const counts = await db
    .selectFrom('classSignUps')
    .select(['status', db.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))
  const counters = await db.selectFrom('parentingClasses').select(db.fn.sum<number>('confirmedCount').as('seats')).executeTakeFirstOrThrow()
  return { confirmed: byStatus.confirmed ?? 0, waiting: byStatus.waiting ?? 0, counted: Number(counters.seats) }
}

function report(
  title: string,
  goalMs: number,
  result: ClientReport & { serverCpuMsPerSignUp: number },
  seats: { confirmed: number; waiting: number; counted: number },
  expected: { confirmed: number; waiting: number },
) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b)
  const p50 = percentile(sorted, 50)
  const p99 = percentile(sorted, 99)
  const failures = result.latenciesMs.length - (result.statuses['201'] ?? 0)
  const exact = seats.counted === seats.confirmed && seats.confirmed === expected.confirmed && seats.waiting === expected.waiting
  console.log(
    `${title.padEnd(44)} ${(result.latenciesMs.length / result.seconds).toFixed(0).padStart(6)} sign-ups/s   p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms ` +
      `(goal p99 ≤ ${goalMs} ms: ${p99 <= goalMs ? 'met' : 'NOT met'})   ${seats.confirmed} confirmed, ${seats.waiting} waiting ` +
      `(expected ${expected.confirmed}/${expected.waiting}), counters ${exact ? 'match the rows' : 'DO NOT MATCH'}, failures ${failures}` +
      `${result.errors.length ? ` (${result.errors[0]})` : ''}`,
  )
  if (result.baseline) {
    const base = [...result.baseline.latenciesMs].sort((a, b) => a - b)
    console.log(
      `  baseline, GET /api/health in the same pattern on the same connections: p50 ${percentile(base, 50).toFixed(1)} ms, p99 ${percentile(base, 99).toFixed(1)} ms, ` +
        `${(base.length / result.baseline.seconds).toFixed(0)} req/s`,
    )
  }
  console.log(`  server CPU per sign-up ${result.serverCpuMsPerSignUp.toFixed(2)} ms (all instances; includes the warm-up and baseline requests)`)
}

/** (a) PGlite, one instance, CONCURRENCY in flight. */
async function benchPglite() {
  const classes = 20
  const capacity = 60
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-bench-sign-ups-'))
  try {
    const database = await openDatabase({ databaseUrl: null, dataDir })
    const prepared = await prepare(database.db, classes, capacity, PARENTS).finally(() => database.close())
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' })
    let result: Awaited<ReturnType<typeof measured>>
    try {
      result = await measured([server], {
        targets: [server.url],
        concurrency: CONCURRENCY,
        warmUpPath: '/api/health',
        baselinePath: '/api/health',
        requests: prepared.tokens.map((token, i) => ({ path: `/api/classes/${prepared.classIds[i % classes]}/sign-ups`, token, body: SUBSCRIBED })),
      })
    } finally {
      await stopServer(server)
    }
    const reopened = await openDatabase({ databaseUrl: null, dataDir })
    const seats = await countSeats(reopened.db).finally(() => reopened.close())
    const confirmed = Math.min(PARENTS, classes * capacity)
    report(`PGlite, 1 instance, ${CONCURRENCY} in flight`, 150, result, seats, { confirmed, waiting: PARENTS - confirmed })
    console.log(`  ${PARENTS} parents over ${classes} classes of ${capacity} seats`)
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const BENCH_DATABASE = 'bench_sign_ups'

async function asAdmin(databaseUrl: string, ...statements: string[]) {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  try {
    for (const statement of statements) await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/** A database of the bench's own on the PostgreSQL server of DATABASE_URL, made afresh (dropped again at the end). */
async function freshPostgresDatabase(databaseUrl: string): Promise<string> {
  await asAdmin(databaseUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`, `CREATE DATABASE ${BENCH_DATABASE}`)
  const url = new URL(databaseUrl)
  url.pathname = `/${BENCH_DATABASE}`
  return url.toString()
}

/** (b) PostgreSQL, two instances, BURST parents at once for one class of 20 seats. */
async function benchPostgres(databaseUrl: string) {
  const capacity = 20
  const url = await freshPostgresDatabase(databaseUrl)
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://' })
  try {
    const prepared = await prepare(database.db, 1, capacity, BURST)
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-bench-sign-ups-'))
    const servers = await Promise.all([startServer({ DATA_DIR: dataDir, DATABASE_URL: url }), startServer({ DATA_DIR: dataDir, DATABASE_URL: url })])
    let result: Awaited<ReturnType<typeof measured>>
    try {
      result = await measured(servers, {
        targets: servers.map((s) => s.url),
        concurrency: 0,
        warmUpPath: '/api/health',
        baselinePath: '/api/health',
        requests: prepared.tokens.map((token) => ({ path: `/api/classes/${prepared.classIds[0]}/sign-ups`, token, body: SUBSCRIBED })),
      })
    } finally {
      await Promise.all(servers.map(stopServer))
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    const seats = await countSeats(database.db)
    report(`PostgreSQL, 2 instances, ${BURST} at once`, 100, result, seats, { confirmed: Math.min(BURST, capacity), waiting: Math.max(0, BURST - capacity) })
    console.log(`  ${BURST} parents for one class of ${capacity} seats`)
  } finally {
    await database.close()
    await asAdmin(databaseUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`)
  }
}

/** PGlite always; PostgreSQL as well when DATABASE_URL is set. */
export async function benchSignUps(): Promise<void> {
  console.log(`\nclass sign-ups over HTTP against server/main.ts processes, the client in a process of its own`)
  const only = process.env.BENCH_SIGN_UPS_ONLY
  if (only !== 'postgres') await benchPglite()
  if (process.env.DATABASE_URL && only !== 'pglite') await benchPostgres(process.env.DATABASE_URL)
}

if (require.main === module) {
  benchSignUps().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import autocannon from 'autocannon'
import { openDatabase } from '../server/db/open'
import { countInstitutions } from '../server/features/institutions/repository'
import { importInstitutionsCsv } from '../server/features/institutions/import/import-csv'
import { keepNearbyIndex } from '../server/features/institutions/nearby/nearby-index-keeper'
import { generateInstitutionsCsv } from '../scripts/generate-demo-data'
import { kb } from '../scripts/bundle-sizes'

/**
 * Nearby search on BENCH_COUNT (default 100,000) institutions against /api/health of the same server, 10 connections,
 * BENCH_SECONDS (default 10) each after 3 s of warm-up; goal: nearby ≥ 0.5 × health. Then the memory the in-memory index takes.
 * DATABASE_URL benches PostgreSQL instead of the embedded database.
 */
const ROOT = path.resolve(__dirname, '..')
const WORK = path.join(ROOT, '.bench-data')
const COUNT = Number(process.env.BENCH_COUNT || 100_000)
const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const PORT = Number(process.env.BENCH_PORT || 3999)
const WARM_UP_SECONDS = 3
const GOAL_RATIO = 0.5
const databaseUrl = process.env.DATABASE_URL || null
const dataDir = path.join(WORK, `pgdata-${COUNT}`)
/** Several instances share a PostgreSQL database only with a shared secret; the bench's own will do. */
const BENCH_JWT_SECRET = 'bench-secret-for-signing-bench-sessions-only-0123456789'

async function prepareDatabase() {
  fs.mkdirSync(WORK, { recursive: true })
  const database = await openDatabase({ databaseUrl, dataDir })
  try {
    const present = await countInstitutions(database.db)
    if (present >= COUNT) return console.log(`database ready: ${present} institutions`)
    let started = Date.now()
    const csv = generateInstitutionsCsv(COUNT, 20261128)
    console.log(`generated ${COUNT} institutions (${kb(csv.length)} CSV) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    started = Date.now()
    const report = await importInstitutionsCsv(database.db, csv)
    const seconds = (Date.now() - started) / 1000
    console.log(
      `imported ${report.imported} (rejected ${report.rejectedLines}) in ${seconds.toFixed(1)} s — ${Math.round(report.imported / seconds)} rows/s through the CSV import path`,
    )
  } finally {
    await database.close()
  }
}

/** The heap the index takes, measured in this process: loaded once, after a full collection before and after. */
async function measureIndexMemory() {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  const database = await openDatabase({ databaseUrl, dataDir })
  try {
    gc()
    const before = process.memoryUsage().heapUsed
    const started = performance.now()
    const keeper = keepNearbyIndex(database.db, { refreshMs: 0, onError: (error) => console.error(error) })
    const index = await keeper.current()
    const seconds = (performance.now() - started) / 1000
    gc()
    const bytes = process.memoryUsage().heapUsed - before
    const size = index?.size ?? 0
    console.log(
      `nearby index: ${size} institutions loaded in ${seconds.toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(0)} MB of heap ` +
        `(${((bytes / 2 ** 20) * (100_000 / Math.max(size, 1))).toFixed(0)} MB per 100,000 institutions)`,
    )
    await keeper.stop()
  } finally {
    await database.close()
  }
}

function startServer(): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      H5_DIR: path.join(WORK, 'no-h5'),
      JWT_SECRET: process.env.JWT_SECRET || BENCH_JWT_SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}

/** Up, and answering nearby searches from memory (the health check says when the index is loaded). */
async function waitForIndex(base: string) {
  for (let i = 0; i < 1200; i++) {
    try {
      const response = await fetch(`${base}/api/health`)
      if (response.ok && ((await response.json()) as { nearbyIndex: { refreshedAt: string | null } }).nearbyIndex.refreshedAt) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('server did not start')
}

// Parents spread over the province: random points around the 市州 centres.
const CENTRES = [
  [43.88, 125.32],
  [43.84, 126.55],
  [43.17, 124.35],
  [42.89, 125.14],
  [41.73, 125.94],
  [41.94, 126.42],
  [45.14, 124.83],
  [45.62, 122.84],
  [42.89, 129.51],
]
function nearbyPath(): string {
  const [lat, lng] = CENTRES[Math.floor(Math.random() * CENTRES.length)]
  const jitter = () => (Math.random() - 0.5) * 0.2
  return `/api/institutions?lat=${(lat + jitter()).toFixed(5)}&lng=${(lng + jitter()).toFixed(5)}&pageSize=20`
}

async function measure(title: string, base: string, pathOf: () => string) {
  // A running server is warm: its JIT has compiled the route and its caches hold the common answers.
  await autocannon({
    url: base,
    connections: 10,
    duration: WARM_UP_SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathOf() }) }],
  })
  const result = await autocannon({
    url: base,
    connections: 10,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathOf() }) }],
  })
  const line = `${title.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms   non-2xx ${result.non2xx}, errors ${result.errors}`
  console.log(line)
  return result
}

export async function benchNearby(): Promise<void> {
  await prepareDatabase()
  await measureIndexMemory()
  const server = startServer()
  const base = `http://127.0.0.1:${PORT}`
  try {
    await waitForIndex(base)
    console.log(`\n${COUNT} institutions, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, 10 connections, ${SECONDS} s each`)
    const health = await measure('GET /api/health', base, () => '/api/health')
    const nearby = await measure('GET /api/institutions (nearby 20)', base, nearbyPath)
    const ratio = nearby.requests.average / health.requests.average
    console.log(`nearby search / health throughput ratio: ${ratio.toFixed(3)} (goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'})`)
  } finally {
    server.kill('SIGTERM')
  }
}

if (require.main === module) {
  benchNearby().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

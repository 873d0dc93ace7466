import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { openDatabase } from '../server/db/open'
import { countInstitutions } from '../server/features/institutions/repository'
import { importInstitutionsCsv } from '../server/features/institutions/import/import-csv'
import { generateInstitutionsCsv } from '../scripts/generate-demo-data'
import { h5Size, kb, MAIN_PACKAGE_BUDGET, weappSizes } from '../scripts/bundle-sizes'
import { ensureBuild, ensureH5Build, WEAPP_TEST_BUILD } from '../scripts/taro-build'
import { benchSignUps } from './sign-ups'

/**
 * npm run bench — nearby search on 100,000 institutions against /api/health of the same server, class sign-ups
 * (bench/sign-ups.ts), then bundle sizes.
 * BENCH_SECONDS (default 10) per endpoint; BENCH_COUNT (default 100000) institutions; DATABASE_URL to bench PostgreSQL.
 */
const ROOT = path.resolve(__dirname, '..')
const WORK = path.join(ROOT, '.bench-data')
const COUNT = Number(process.env.BENCH_COUNT || 100_000)
const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const PORT = Number(process.env.BENCH_PORT || 3999)
const databaseUrl = process.env.DATABASE_URL || null
const dataDir = path.join(WORK, `pgdata-${COUNT}`)

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

function startServer(): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', H5_DIR: path.join(WORK, 'no-h5') },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}

async function waitForHealth(base: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return
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

function bundleSizes() {
  ensureH5Build()
  ensureBuild(WEAPP_TEST_BUILD)
  const weapp = weappSizes(path.join(ROOT, WEAPP_TEST_BUILD.outDir))
  const h5 = h5Size()
  console.log(
    `weapp main package ${kb(weapp.main)} of ${kb(MAIN_PACKAGE_BUDGET)} budget; subpackages ${
      Object.entries(weapp.subpackages)
        .map(([r, s]) => `${r} ${kb(s)}`)
        .join(', ') || 'none'
    }; total ${kb(weapp.total)}`,
  )
  console.log(`h5 build ${kb(h5.total)} in all, ${kb(h5.js)} of JavaScript`)
}

async function main() {
  await prepareDatabase()
  const server = startServer()
  const base = `http://127.0.0.1:${PORT}`
  try {
    await waitForHealth(base)
    console.log(`\n${COUNT} institutions, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, 10 connections, ${SECONDS} s each`)
    const health = await measure('GET /api/health', base, () => '/api/health')
    const nearby = await measure('GET /api/institutions (nearby 20)', base, nearbyPath)
    console.log(`nearby search / health throughput ratio: ${(nearby.requests.average / health.requests.average).toFixed(3)}`)
  } finally {
    server.kill('SIGTERM')
  }
  await benchSignUps()
  bundleSizes()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { COMPILED_MAIN, ensureServerBuild } from '../scripts/build-server'
import { freePort } from '../test/support/bff-process'

/**
 * Cold start of the BFF on an existing embedded database, started the way `npm start` runs it (`node
 * dist/server/main.js`, demo data on, development stand-ins): from spawn to the first 200 of /api/health and to the
 * first 200 of a nearby search. The first start creates and seeds the database and is not counted.
 * COLD_START_RUNS (default 5); COLD_START_WITH_TSX=1 measures the development path (`tsx server/main.ts`) instead.
 */
const ROOT = path.resolve(__dirname, '..')
const DATA_DIR = path.join(ROOT, '.bench-data', 'cold-start')
const RUNS = Number(process.env.COLD_START_RUNS || 5)
const WITH_TSX = process.env.COLD_START_WITH_TSX === '1'
const GOAL_MS = 1200
const NEARBY = '/api/institutions?lat=43.88&lng=125.32&pageSize=20'
const POLL_MS = 5

function serverCommand(): string[] {
  if (WITH_TSX) return [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')]
  return [COMPILED_MAIN]
}

function startServer(port: number): ChildProcess {
  // What `npm start` gives the server: no database URL (embedded), demo data, the shell's settings otherwise.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR, DATABASE_URL: '', REDIS_URL: '', NODE_OPTIONS: '' }
  delete env.NODE_ENV
  delete env.SEED_DEMO
  return spawn(process.execPath, serverCommand(), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** Milliseconds from `since` until `url` first answers 200. */
async function firstOk(url: string, child: ChildProcess, since: number, timeoutMs = 120_000): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.ok) return performance.now() - since
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

interface Run {
  health: number
  nearby: number
  /** CPU the server used until its first nearby answer: less sensitive than wall time to other work on the machine. */
  cpu: number | null
}

async function startOnce(): Promise<Run> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = startServer(port)
  try {
    const health = await firstOk(`${base}/api/health`, child, started)
    const nearby = await firstOk(`${base}${NEARBY}`, child, started)
    return { health, nearby, cpu: cpuMs(child.pid) }
  } finally {
    await stopServer(child)
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

export async function benchColdStart(): Promise<void> {
  if (!WITH_TSX) await ensureServerBuild()
  const label = WITH_TSX ? 'tsx server/main.ts' : `node ${path.relative(ROOT, COMPILED_MAIN)}`
  const fresh = !fs.existsSync(DATA_DIR)
  const first = await startOnce()
  console.log(
    `\ncold start (${label}, PGlite in ${path.relative(ROOT, DATA_DIR)}): ${fresh ? 'first start created and seeded it' : 'first start'} in ${seconds(first.health)}, not counted`,
  )
  const runs: Run[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await startOnce())
  const health = runs.map((r) => r.health)
  const nearby = runs.map((r) => r.nearby)
  console.log(`  to first 200 of /api/health:    median ${seconds(median(health))}, max ${seconds(Math.max(...health))}  (${health.map(seconds).join(', ')})`)
  console.log(`  to first 200 of a nearby search: median ${seconds(median(nearby))}, max ${seconds(Math.max(...nearby))}  (${nearby.map(seconds).join(', ')})`)
  const cpu = runs.map((r) => r.cpu).filter((ms): ms is number => ms !== null)
  if (cpu.length) console.log(`  server CPU until then:           median ${seconds(median(cpu))}, max ${seconds(Math.max(...cpu))}`)
  console.log(`  goal ≤ ${seconds(GOAL_MS)} to the first nearby answer: ${median(nearby) <= GOAL_MS ? 'met' : 'not met'} (median of ${RUNS})`)
}

if (require.main === module) {
  benchColdStart().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

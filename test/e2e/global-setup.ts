import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ensureH5Build } from '../../scripts/h5-build'

const ROOT = path.resolve(__dirname, '../..')
const REGULATOR_PHONE = '13900000009'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`BFF exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${url}/api/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`BFF did not answer ${url}/api/health within ${timeoutMs} ms`)
}

/** Builds the H5 app if stale and starts the real BFF on a fresh embedded database with the demo data. */
export default async function globalSetup() {
  ensureH5Build()
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-e2e-'))
  // The BFF's log is where development sign-in codes go: the tests read them from this file.
  const logFile = path.join(dataDir, 'bff.log')
  const log = fs.openSync(logFile, 'a')
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')
  // No REDIS_URL: rate-limit counters in a shared Redis outlive the run, and every browser test signs in from 127.0.0.1.
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', NODE_OPTIONS: '' }
  // The first regulator (of 长春) is made the way a deployment makes it: with the CLI, before the BFF starts.
  execFileSync(process.execPath, [tsx, path.join(ROOT, 'server/features/roles/grant-regulator-cli.ts'), '--phone', REGULATOR_PHONE, '--region', '220100'], { cwd: ROOT, env, stdio: ['ignore', log, log] })
  const child = spawn(process.execPath, [tsx, path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', log, log],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  ;(globalThis as Record<string, unknown>).__E2E__ = { child, dataDir }
  try {
    await waitForHealth(baseUrl, child, 120_000)
  } catch (error) {
    console.error(fs.readFileSync(logFile, 'utf8'))
    throw error
  }
  process.env.E2E_BASE_URL = baseUrl
  process.env.E2E_BFF_LOG = logFile
  process.env.E2E_REGULATOR_PHONE = REGULATOR_PHONE
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

export interface BffProcess {
  url: string
  /** Where the BFF logs, development sign-in codes included. */
  logFile: string
  dataDir: string
  child: ChildProcess
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
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
      const response = await fetch(`${url}/api/health`, { headers: { connection: 'close' } })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`BFF did not answer ${url}/api/health within ${timeoutMs} ms`)
}

/**
 * The real BFF as `npm start` runs it (development: stand-in WeChat, codes in the log, demo data) on a fresh
 * embedded database. The first regulator (of `regulatorRegion`) is made the way a deployment makes it: with the CLI,
 * before the BFF starts.
 */
export async function startBff(options: {
  name: string
  regulatorPhone?: string
  regulatorRegion?: string
  env?: Record<string, string>
}): Promise<BffProcess> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tuoyu-${options.name}-`))
  const logFile = path.join(dataDir, 'bff.log')
  const log = fs.openSync(logFile, 'a')
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')
  // No REDIS_URL: rate-limit counters in a shared Redis outlive the run, and every test signs in from 127.0.0.1.
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', NODE_OPTIONS: '', NODE_ENV: 'development', ...options.env }
  if (options.regulatorPhone) {
    execFileSync(
      process.execPath,
      [
        tsx,
        path.join(ROOT, 'server/features/roles/grant-regulator-cli.ts'),
        '--phone',
        options.regulatorPhone,
        '--region',
        options.regulatorRegion ?? '220100',
      ],
      { cwd: ROOT, env, stdio: ['ignore', log, log] },
    )
  }
  const child = spawn(process.execPath, [tsx, path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', log, log],
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(url, child, 120_000)
  } catch (error) {
    console.error(fs.readFileSync(logFile, 'utf8'))
    child.kill('SIGKILL')
    throw error
  }
  return { url, logFile, dataDir, child }
}

export async function stopBff(bff: Pick<BffProcess, 'child' | 'dataDir'> | undefined): Promise<void> {
  if (!bff) return
  if (bff.child.exitCode === null) {
    let timer: NodeJS.Timeout | undefined
    const exited = new Promise((resolve) => bff.child.once('exit', resolve))
    bff.child.kill('SIGTERM')
    await Promise.race([
      exited,
      new Promise((resolve) => {
        timer = setTimeout(resolve, 5000)
      }),
    ])
    clearTimeout(timer)
    if (bff.child.exitCode === null) bff.child.kill('SIGKILL')
  }
  if (process.env.E2E_KEEP_LOG) console.log(fs.readFileSync(path.join(bff.dataDir, 'bff.log'), 'utf8'))
  fs.rmSync(bff.dataDir, { recursive: true, force: true })
}

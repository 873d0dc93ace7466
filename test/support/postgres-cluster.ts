import { execFile } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { isBundled, postgresBin } from './postgres-programs'

const run = promisify(execFile)

/** A PostgreSQL server of a test's own: its own data directory and port, never the shared server other tests use. */
export interface PostgresCluster {
  url: string
  port: number
  /** Stops the server: 'immediate' kills it as a crash or a fail-over would; 'fast' is an administrator's shutdown. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>
  /** Starts it again on the same port and data. */
  start(): Promise<void>
  /** Stops it if it runs and deletes its files. */
  destroy(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

interface ServerUser {
  /** The command line that runs a program as the server's user. */
  wrap: (program: string, args: string[]) => [string, string[]]
  /** Set when that user is not the one running the test: it must own the server's directory. */
  owner?: { name: string; uid: number; gid: number }
}

const SERVER_USERS = ['postgres', 'nobody']

/**
 * initdb and postgres refuse to run as root (CI runs as root): then the server runs through runuser as the `postgres`
 * user (Debian's postgresql package creates it) or, on a machine without one such as a fresh container, as the
 * unprivileged `nobody`; nothing is created on the system. The server's directory belongs to that user.
 */
async function serverUser(): Promise<ServerUser> {
  if (process.getuid?.() !== 0) return { wrap: (program, args) => [program, args] }
  for (const name of SERVER_USERS) {
    const ids = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]).catch(() => undefined)
    if (!ids) continue
    const [uid, gid] = ids.map(({ stdout }) => Number(stdout))
    return { wrap: (program, args) => ['runuser', ['-u', name, '--', program, ...args]], owner: { name, uid, gid } }
  }
  throw new Error(`running as root, but there is no user to run PostgreSQL as (tried ${SERVER_USERS.join(', ')})`)
}

/**
 * The programs as the server's user can run them (`postgres -V` loads its libraries). When that user cannot reach the
 * npm package's build (a project under /root, say), the build is copied into the cluster's own directory.
 */
async function runnableBin(bin: string, user: ServerUser, dir: string): Promise<string> {
  const version = (candidate: string) => run(...user.wrap(path.join(candidate, 'postgres'), ['-V']))
  const failed = (candidate: string, error: { stderr?: string; message: string }) =>
    new Error(`${path.join(candidate, 'postgres')} does not run${user.owner ? ` as ${user.owner.name}` : ''}: ${error.stderr || error.message}`)
  try {
    await version(bin)
    return bin
  } catch (error) {
    if (!user.owner || !isBundled(bin)) throw failed(bin, error as Error)
  }
  const copy = path.join(dir, 'postgresql', 'bin')
  fs.cpSync(path.dirname(bin), path.dirname(copy), { recursive: true, verbatimSymlinks: true })
  await version(copy).catch((error: Error) => {
    throw failed(copy, error)
  })
  return copy
}

/** initdb into a temporary directory and start on a free port; fails with a clear message when the programs are missing. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const found = postgresBin()
  const user = await serverUser()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-postgres-'))
  if (user.owner) fs.chownSync(dir, user.owner.uid, user.owner.gid)
  const bin = await runnableBin(found, user, dir).catch((error) => {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  })
  const data = path.join(dir, 'data')
  const port = await freePort()
  const exec = (program: string, args: string[]) => {
    const [command, commandArgs] = user.wrap(path.join(bin, program), args)
    return run(command, commandArgs, { cwd: dir })
  }

  await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  let running = false
  const start = async () => {
    // Sockets in our own directory, TCP on 127.0.0.1 only.
    await exec('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '30',
      'start',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    ])
    running = true
  }
  const stop = async (mode: 'immediate' | 'fast' = 'immediate') => {
    await exec('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop'])
    running = false
  }
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async destroy() {
      if (running) await stop().catch(() => {})
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

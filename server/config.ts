import path from 'node:path'

export interface Config {
  port: number
  host: string
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite in dataDir. */
  databaseUrl: string | null
  dataDir: string
  /** The H5 build served at '/'. */
  h5Dir: string
  logLevel: string
  /** Load the demo registry on first start when the database has no institutions. */
  seedDemo: boolean
}

function readPort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got "${value}"`)
  return port
}

function readDatabaseUrl(value: string | undefined): string | null {
  if (!value) return null
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
  return value
}

/** Parsed once at start; a bad setting stops the process with a message instead of failing later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: readPort(env.PORT, 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    h5Dir: path.resolve(env.H5_DIR || 'dist/h5'),
    logLevel: env.LOG_LEVEL || 'info',
    seedDemo: env.SEED_DEMO !== 'false',
  }
}

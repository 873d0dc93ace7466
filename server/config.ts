import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface WechatConfig {
  /** jscode2session and the message API live here; a stand-in server when no app secret is configured. */
  apiBase: string | null
  appId: string
  appSecret: string | null
}

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
  jwtSecret: string
  accessTokenSeconds: number
  refreshTokenDays: number
  /** Shared rate-limit counters for several BFF instances; in memory when unset. */
  redisUrl: string | null
  wechat: WechatConfig
  /** How one-time sign-in codes reach the phone: 'log' writes them to the BFF log (development). */
  smsSender: 'log'
  /** Behind a load balancer: take the client IP (for per-IP limits) from X-Forwarded-For. */
  trustProxy: boolean
}

function readInt(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer ${min}–${max}, got "${value}"`)
  return n
}

function readDatabaseUrl(value: string | undefined): string | null {
  if (!value) return null
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
  return value
}

/**
 * Without JWT_SECRET the embedded set-up keeps a random secret in its data directory, so sessions survive a
 * restart. With PostgreSQL several instances must share the secret: JWT_SECRET is then required.
 */
function readJwtSecret(env: NodeJS.ProcessEnv, databaseUrl: string | null, dataDir: string): string {
  const secret = env.JWT_SECRET
  if (secret) {
    if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters')
    return secret
  }
  if (databaseUrl) throw new Error('JWT_SECRET is required with DATABASE_URL (all BFF instances must share it)')
  const file = path.join(dataDir, 'jwt-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(dataDir, { recursive: true })
  const generated = randomBytes(48).toString('base64url')
  fs.writeFileSync(file, generated, { mode: 0o600 })
  return generated
}

/** Parsed once at start; a bad setting stops the process with a message instead of failing later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = readDatabaseUrl(env.DATABASE_URL)
  const dataDir = path.resolve(env.DATA_DIR || 'data')
  if (env.SMS_SENDER && env.SMS_SENDER !== 'log') throw new Error(`SMS_SENDER "${env.SMS_SENDER}" is not supported (log)`)
  return {
    port: readInt('PORT', env.PORT, 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir,
    h5Dir: path.resolve(env.H5_DIR || 'dist/h5'),
    logLevel: env.LOG_LEVEL || 'info',
    seedDemo: env.SEED_DEMO !== 'false',
    jwtSecret: readJwtSecret(env, databaseUrl, dataDir),
    accessTokenSeconds: readInt('ACCESS_TOKEN_SECONDS', env.ACCESS_TOKEN_SECONDS, 15 * 60, 30, 24 * 3600),
    refreshTokenDays: readInt('REFRESH_TOKEN_DAYS', env.REFRESH_TOKEN_DAYS, 30, 1, 365),
    redisUrl: env.REDIS_URL || null,
    wechat: {
      apiBase: env.WECHAT_API_BASE || null,
      appId: env.WECHAT_APP_ID || 'wx-stand-in-app',
      appSecret: env.WECHAT_APP_SECRET || null,
    },
    smsSender: 'log',
    trustProxy: env.TRUST_PROXY === 'true',
  }
}

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DEPARTMENTS, type Department } from '../types/complaints'
import type { S3StorageConfig } from './features/complaints/photos/s3-storage'
import { CLASS_MESSAGE_KINDS, type ClassMessageKind } from '../types/classes'
import { DEFAULT_POPULATION_FILE, readPopulationFile, type Population } from './features/stats/population'
import { TENCENT_SMS_ENDPOINT, type TencentSmsSettings } from './features/auth/tencent-sms'
import { DEFAULT_MAX_ZOOM, DEFAULT_MIN_ZOOM, providerTiles, type TileSource } from './features/map/tile-source'

/** The environment, or any map of settings (tests pass plain objects). */
type Env = Record<string, string | undefined>

export interface WechatConfig {
  /** jscode2session and the message API live here; a stand-in server when no app secret is configured. */
  apiBase: string | null
  appId: string
  appSecret: string | null
  /** Signs WeChat's message pushes to /api/wechat/events (the Token of 消息推送 in the admin console); null: a random one with the stand-in. */
  pushToken: string | null
}

export type SmsSenderConfig = { kind: 'log' } | ({ kind: 'tencent' } & TencentSmsSettings)

export type PhotoStorageConfig = { kind: 'local'; directory: string } | ({ kind: 's3' } & S3StorageConfig)

export interface ComplaintsConfig {
  acceptDays: number
  replyDays: number
  /** Each department's intake endpoint; null starts the local stand-in receiver (development). */
  intakeUrls: Record<Department, string> | null
  photoStorage: PhotoStorageConfig
  photoMaxBytes: number
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
  /** The BFF's address as WeChat reaches it (https://…, no trailing slash): WeChat fetches images to check from here. */
  publicBaseUrl: string | null
  /** How one-time sign-in codes reach the phone: 'log' writes them to the BFF log (development), 'tencent' texts them. */
  smsSender: SmsSenderConfig
  /** Behind a load balancer: take the client IP (for per-IP limits) from X-Forwarded-For. */
  trustProxy: boolean
  complaints: ComplaintsConfig
  classes: ClassesConfig
  jobs: JobsConfig
  stats: StatsConfig
  /** The H5 map's tiles: MAP_TILE_URL and its settings, or without it the BFF's own stand-in tiles (development). */
  mapTiles: TileSource
}

export interface StatsConfig {
  /** POPULATION_FILE, or the figures shipped in server/features/stats/population.json; read and checked at start. */
  population: Population
  cacheSeconds: number
}

export interface ClassesConfig {
  /** Subscription-message template per kind; null: the kind is not offered to parents. */
  messageTemplates: Record<ClassMessageKind, string | null>
  miniprogramState: 'developer' | 'trial' | 'formal'
}

export interface JobsConfig {
  /** Pause between polls of the job queue when nothing was due. */
  pollMs: number
  /** How long an instance holds a job it runs; past that another instance may take it over. */
  leaseSeconds: number
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
function readJwtSecret(env: Env, databaseUrl: string | null, dataDir: string): string {
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

function readIntakeUrls(value: string | undefined): Record<Department, string> | null {
  if (!value) return null
  const example = 'e.g. {"market_regulation":"https://…","emergency_management":"https://…",…}'
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw new Error(`COMPLAINT_INTAKE_URLS must be a JSON object of department → URL, ${example}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`COMPLAINT_INTAKE_URLS must be a JSON object of department → URL, ${example}`)
  const entries = parsed as Record<string, unknown>
  const unknown = Object.keys(entries).filter((key) => !(DEPARTMENTS as readonly string[]).includes(key))
  if (unknown.length) throw new Error(`COMPLAINT_INTAKE_URLS has unknown departments: ${unknown.join(', ')} (known: ${DEPARTMENTS.join(', ')})`)
  const missing = DEPARTMENTS.filter((department) => !(department in entries))
  if (missing.length) throw new Error(`COMPLAINT_INTAKE_URLS lacks departments: ${missing.join(', ')} (every department needs an intake URL)`)
  for (const department of DEPARTMENTS) {
    if (!isHttpUrl(entries[department]))
      throw new Error(`COMPLAINT_INTAKE_URLS.${department} must be an http:// or https:// URL, got ${JSON.stringify(entries[department])}`)
  }
  return entries as Record<Department, string>
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

function readPhotoStorage(env: Env, dataDir: string): PhotoStorageConfig {
  const kind = env.PHOTO_STORAGE || 'local'
  if (kind === 'local') return { kind, directory: path.join(dataDir, 'photos') }
  if (kind !== 's3') throw new Error(`PHOTO_STORAGE "${kind}" is not supported (local, s3)`)
  const required = ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
  const missing = required.filter((name) => !env[name])
  if (missing.length) throw new Error(`PHOTO_STORAGE=s3 requires ${missing.join(', ')}`)
  if (!isHttpUrl(env.S3_ENDPOINT)) throw new Error(`S3_ENDPOINT must be an http:// or https:// URL, got "${env.S3_ENDPOINT}"`)
  if (env.S3_FORCE_PATH_STYLE && !['true', 'false'].includes(env.S3_FORCE_PATH_STYLE)) throw new Error('S3_FORCE_PATH_STYLE must be true or false')
  return {
    kind,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION!,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
  }
}

function readComplaints(env: Env, dataDir: string): ComplaintsConfig {
  const acceptDays = readInt('COMPLAINT_ACCEPT_DAYS', env.COMPLAINT_ACCEPT_DAYS, 7, 1, 60)
  const replyDays = readInt('COMPLAINT_REPLY_DAYS', env.COMPLAINT_REPLY_DAYS, 15, 1, 180)
  if (replyDays < acceptDays) throw new Error(`COMPLAINT_REPLY_DAYS (${replyDays}) must not be less than COMPLAINT_ACCEPT_DAYS (${acceptDays})`)
  return {
    acceptDays,
    replyDays,
    intakeUrls: readIntakeUrls(env.COMPLAINT_INTAKE_URLS),
    photoStorage: readPhotoStorage(env, dataDir),
    photoMaxBytes: readInt('PHOTO_MAX_BYTES', env.PHOTO_MAX_BYTES, 8 * 1024 * 1024, 100 * 1024, 50 * 1024 * 1024),
  }
}

const TEMPLATE_ENV: Record<ClassMessageKind, string> = {
  sign_up_confirmed: 'WECHAT_TEMPLATE_SIGN_UP_CONFIRMED',
  promoted: 'WECHAT_TEMPLATE_PROMOTED',
  reminder: 'WECHAT_TEMPLATE_REMINDER',
  class_cancelled: 'WECHAT_TEMPLATE_CLASS_CANCELLED',
}

/** With the stand-in WeChat (no app secret) every kind has a stand-in template, so the whole flow runs locally. */
function readClasses(env: Env): ClassesConfig {
  const standIn = !env.WECHAT_APP_SECRET
  const state = env.WECHAT_MINIPROGRAM_STATE || 'formal'
  if (!['developer', 'trial', 'formal'].includes(state)) throw new Error(`WECHAT_MINIPROGRAM_STATE must be developer, trial or formal, got "${state}"`)
  return {
    messageTemplates: Object.fromEntries(CLASS_MESSAGE_KINDS.map((kind) => [kind, env[TEMPLATE_ENV[kind]] || (standIn ? `stand-in-${kind}` : null)])) as Record<
      ClassMessageKind,
      string | null
    >,
    miniprogramState: state as ClassesConfig['miniprogramState'],
  }
}

function readPushToken(value: string | undefined): string | null {
  if (!value) return null
  if (!/^[A-Za-z0-9]{3,32}$/.test(value)) throw new Error('WECHAT_PUSH_TOKEN must be 3–32 letters or digits (as the WeChat admin console requires)')
  return value
}

function readPublicBaseUrl(value: string | undefined): string | null {
  if (!value) return null
  if (!isHttpUrl(value)) throw new Error(`PUBLIC_BASE_URL must be an http:// or https:// URL, got "${value}"`)
  return value.replace(/\/+$/, '')
}

const TENCENT_SMS_REQUIRED = [
  'TENCENT_SMS_SECRET_ID',
  'TENCENT_SMS_SECRET_KEY',
  'TENCENT_SMS_SDK_APP_ID',
  'TENCENT_SMS_SIGN_NAME',
  'TENCENT_SMS_TEMPLATE_ID',
] as const

function readSmsSender(env: Env): SmsSenderConfig {
  const kind = env.SMS_SENDER || 'log'
  if (kind === 'log') return { kind }
  if (kind !== 'tencent') throw new Error(`SMS_SENDER "${kind}" is not supported (log, tencent)`)
  const missing = TENCENT_SMS_REQUIRED.filter((name) => !env[name])
  if (missing.length) throw new Error(`SMS_SENDER=tencent requires ${missing.join(', ')}`)
  const endpoint = (env.TENCENT_SMS_ENDPOINT || TENCENT_SMS_ENDPOINT).replace(/\/+$/, '')
  if (!isHttpUrl(endpoint)) throw new Error(`TENCENT_SMS_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`)
  if (!/^[0-9]+$/.test(env.TENCENT_SMS_SDK_APP_ID!)) throw new Error(`TENCENT_SMS_SDK_APP_ID must be the SMS application's SdkAppId (digits, e.g. 1400006666)`)
  if (!/^[0-9]+$/.test(env.TENCENT_SMS_TEMPLATE_ID!)) throw new Error(`TENCENT_SMS_TEMPLATE_ID must be the approved template's id (digits)`)
  return {
    kind,
    secretId: env.TENCENT_SMS_SECRET_ID!,
    secretKey: env.TENCENT_SMS_SECRET_KEY!,
    sdkAppId: env.TENCENT_SMS_SDK_APP_ID!,
    signName: env.TENCENT_SMS_SIGN_NAME!,
    templateId: env.TENCENT_SMS_TEMPLATE_ID!,
    region: env.TENCENT_SMS_REGION || 'ap-guangzhou',
    endpoint,
  }
}

const MAP_TILE_SETTINGS = ['MAP_TILE_SUBDOMAINS', 'MAP_TILE_ATTRIBUTION', 'MAP_TILE_DATUM'] as const

function readMapTiles(env: Env): TileSource {
  const minZoom = readInt('MAP_TILE_MIN_ZOOM', env.MAP_TILE_MIN_ZOOM, DEFAULT_MIN_ZOOM, 0, 22)
  const maxZoom = readInt('MAP_TILE_MAX_ZOOM', env.MAP_TILE_MAX_ZOOM, DEFAULT_MAX_ZOOM, 0, 22)
  if (minZoom > maxZoom) throw new Error(`MAP_TILE_MIN_ZOOM (${minZoom}) must not be greater than MAP_TILE_MAX_ZOOM (${maxZoom})`)
  if (!env.MAP_TILE_URL) {
    const stray = MAP_TILE_SETTINGS.filter((name) => env[name])
    if (stray.length) throw new Error(`${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set without MAP_TILE_URL (the tile service's URL template)`)
    return { kind: 'stand-in', minZoom, maxZoom }
  }
  const tiles = providerTiles({
    urlTemplate: env.MAP_TILE_URL,
    subdomains: (env.MAP_TILE_SUBDOMAINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    attribution: env.MAP_TILE_ATTRIBUTION ?? '',
    datum: env.MAP_TILE_DATUM ?? '',
    minZoom,
    maxZoom,
  })
  return { kind: 'provider', tiles }
}

/**
 * What a production start lacks. Without these settings the BFF would start stand-ins (WeChat, SMS to the log, complaint
 * intake) or demo data and seem to work while reaching nobody, so NODE_ENV=production refuses them all, named at once.
 */
function productionGaps(env: Env): string[] {
  const gaps: string[] = []
  if (!/^wx[0-9a-f]{16}$/.test(env.WECHAT_APP_ID ?? ''))
    gaps.push(`WECHAT_APP_ID: the mini-program's AppID, "wx" and 16 hex digits${env.WECHAT_APP_ID ? `, got "${env.WECHAT_APP_ID}"` : ''}`)
  if (!env.WECHAT_APP_SECRET) gaps.push("WECHAT_APP_SECRET: the mini-program's AppSecret (without it a stand-in WeChat answers sign-ins)")
  if (!env.WECHAT_PUSH_TOKEN)
    gaps.push(
      'WECHAT_PUSH_TOKEN: the Token of 消息推送 in the WeChat admin console (without it WeChat cannot report image checks, and notice images are refused)',
    )
  if (!env.PUBLIC_BASE_URL?.startsWith('https://'))
    gaps.push(
      `PUBLIC_BASE_URL: the BFF's https:// address as WeChat reaches it (WeChat fetches images to check from there)${env.PUBLIC_BASE_URL ? `, got "${env.PUBLIC_BASE_URL}"` : ''}`,
    )
  if (env.SMS_SENDER !== 'tencent') {
    gaps.push(
      `SMS_SENDER=tencent: sign-in codes must be texted (${env.SMS_SENDER ? `"${env.SMS_SENDER}" is not a real sender` : 'the default, log, only writes them to the log'})`,
    )
  } else {
    for (const name of TENCENT_SMS_REQUIRED) if (!env[name]) gaps.push(`${name}: required with SMS_SENDER=tencent`)
    if (env.TENCENT_SMS_ENDPOINT && !env.TENCENT_SMS_ENDPOINT.startsWith('https://'))
      gaps.push(`TENCENT_SMS_ENDPOINT: must be https:// (or unset: ${TENCENT_SMS_ENDPOINT})`)
  }
  if (!env.COMPLAINT_INTAKE_URLS) gaps.push("COMPLAINT_INTAKE_URLS: each department's intake URL (without it complaints go to a local stand-in receiver)")
  if (!env.MAP_TILE_URL?.startsWith('https://'))
    gaps.push(
      `MAP_TILE_URL: the https:// URL template of a licensed tile service with {z}, {x}, {y} (without it the H5 map draws plain grid stand-in tiles)${env.MAP_TILE_URL ? `, got "${env.MAP_TILE_URL}"` : ''}`,
    )
  if (!env.MAP_TILE_DATUM) gaps.push('MAP_TILE_DATUM: the datum the tiles are drawn in, wgs84 (天地图) or gcj02 (高德, 腾讯), so markers sit on their streets')
  if (!env.MAP_TILE_ATTRIBUTION) gaps.push("MAP_TILE_ATTRIBUTION: the tile provider and its 审图号, shown on the map as the provider's terms require")
  if (env.SEED_DEMO !== 'false') gaps.push('SEED_DEMO=false: the fictional demo institutions must not enter a real registry')
  if (!env.JWT_SECRET) gaps.push('JWT_SECRET: at least 32 characters, the same on every instance (without it the key is a file on one disk)')
  return gaps
}

/** Parsed once at start; a bad setting stops the process with a message instead of failing later. */
export function loadConfig(env: Env = process.env): Config {
  if (env.NODE_ENV === 'production') {
    const gaps = productionGaps(env)
    if (gaps.length) {
      throw new Error(
        `NODE_ENV=production: the BFF does not start with stand-ins or demo data. Set:\n${gaps.map((gap) => `  - ${gap}`).join('\n')}\n` +
          'Without NODE_ENV=production (npm start) it runs with its development stand-ins instead.',
      )
    }
  }
  const databaseUrl = readDatabaseUrl(env.DATABASE_URL)
  const dataDir = path.resolve(env.DATA_DIR || 'data')
  const smsSender = readSmsSender(env)
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
      pushToken: readPushToken(env.WECHAT_PUSH_TOKEN),
    },
    publicBaseUrl: readPublicBaseUrl(env.PUBLIC_BASE_URL),
    smsSender,
    trustProxy: env.TRUST_PROXY === 'true',
    complaints: readComplaints(env, dataDir),
    classes: readClasses(env),
    jobs: {
      pollMs: readInt('JOB_POLL_MS', env.JOB_POLL_MS, 2000, 100, 60_000),
      leaseSeconds: readInt('JOB_LEASE_SECONDS', env.JOB_LEASE_SECONDS, 60, 15, 3600),
    },
    stats: {
      population: readPopulationFile(env.POPULATION_FILE ? path.resolve(env.POPULATION_FILE) : DEFAULT_POPULATION_FILE),
      cacheSeconds: readInt('STATS_CACHE_SECONDS', env.STATS_CACHE_SECONDS, 300, 0, 24 * 3600),
    },
    mapTiles: readMapTiles(env),
  }
}

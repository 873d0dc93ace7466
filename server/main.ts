import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import type { Redis } from 'ioredis'
import { loadConfig, type Config } from './config'
import { openDatabase } from './db/open'
import { seedOnStart } from './startup/seed-on-start'
import { buildApp } from './app'
import { loadReference } from './shared/reference'
import { logCodeSender, type CodeSender } from './features/auth/code-sender'
import { tencentSmsSender } from './features/auth/tencent-sms'
import { startWechatStandIn } from './shared/wechat/stand-in'
import { localDirectoryStorage } from './features/complaints/photos/local-storage'
import { startIntakeStandIn } from './features/complaints/forwarding/intake-stand-in'
import { startBackgroundJobs } from './startup/background-jobs'
import { builtCodeVersion } from './startup/code-version'
import { requestForLog } from './shared/log-serializers'

// The S3 client and the Redis client are loaded only when configured: each takes about 0.1 s to load.
async function openPhotoStorage(config: Config['complaints']['photoStorage']) {
  if (config.kind === 's3') return (await import('./features/complaints/photos/s3-storage')).s3Storage(config)
  return { ...localDirectoryStorage(config.directory), destroy: () => {} }
}

async function connectRedis(redisUrl: string | null): Promise<Redis | null> {
  if (!redisUrl) return null
  const { Redis } = await import('ioredis')
  return new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
}

async function main() {
  const config = loadConfig()
  const bootLog = { info: (o: object, m: string) => console.log(m, JSON.stringify(o)), warn: (o: object, m: string) => console.warn(m, JSON.stringify(o)) }
  const codeVersion = builtCodeVersion()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, codeVersion })
  await seedOnStart(database.db, { seedDemo: config.seedDemo, codeVersion, log: bootLog }).catch(async (error) => {
    await database.close()
    throw error
  })

  // Without an app secret there is no real WeChat to talk to: run the stand-in and talk to it over HTTP instead.
  const standIn = config.wechat.appSecret ? null : await startWechatStandIn({ appId: config.wechat.appId })
  if (standIn) console.log(`WeChat stand-in server on ${standIn.url} (no WECHAT_APP_SECRET configured)`)
  const wechat = standIn
    ? { apiBase: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret }
    : { apiBase: config.wechat.apiBase ?? 'https://api.weixin.qq.com', appId: config.wechat.appId, appSecret: config.wechat.appSecret! }
  // How WeChat reaches the BFF: image checks fetch from publicBaseUrl, message pushes are signed with the token. The
  // stand-in needs no settings: a token of the day, and the BFF's own address once it listens (below).
  const pushToken = config.wechat.pushToken ?? (standIn ? randomBytes(16).toString('hex') : null)
  const wechatCallbacks = pushToken ? { publicBaseUrl: config.publicBaseUrl ?? `http://127.0.0.1:${config.port}`, pushToken } : undefined
  if (!wechatCallbacks) console.warn('WECHAT_PUSH_TOKEN is not set: notice images cannot be checked by WeChat, so image uploads are refused')

  // Without intake URLs there are no real departments to forward to: run the stand-in receiver and forward to it instead.
  const intakeStandIn = config.complaints.intakeUrls
    ? null
    : await startIntakeStandIn({
        onDelivery: (d) => console.log(`intake stand-in received a complaint for ${d.department}${d.duplicate ? ' (repeat, dropped)' : ''}`),
      })
  if (intakeStandIn)
    console.log(
      `Complaint intake stand-in on ${intakeStandIn.url}: every department is forwarded to ${intakeStandIn.url}/intake/<department> (no COMPLAINT_INTAKE_URLS configured)`,
    )
  const photoStorage = await openPhotoStorage(config.complaints.photoStorage)
  if (config.databaseUrl && config.complaints.photoStorage.kind === 'local') {
    console.warn("PHOTO_STORAGE=local with DATABASE_URL: complaint photos stay on this instance's disk; use PHOTO_STORAGE=s3 when several instances run")
  }
  if (config.mapTiles.kind === 'stand-in')
    console.log('Map stand-in tiles at /api/map/stand-in-tiles (no MAP_TILE_URL configured): the H5 map draws a plain grid')
  const redis = await connectRedis(config.redisUrl)

  let sender: CodeSender | null = null
  const app = await buildApp({
    database,
    reference: await loadReference(database.db),
    h5Dir: config.h5Dir,
    logger: { level: config.logLevel, serializers: { req: requestForLog } },
    trustProxy: config.trustProxy,
    settings: {
      jwtSecret: config.jwtSecret,
      accessTokenSeconds: config.accessTokenSeconds,
      refreshTokenDays: config.refreshTokenDays,
      wechat,
      wechatCallbacks,
      redis,
      codeSender: { send: (phone, code) => sender!.send(phone, code) },
      complaints: {
        acceptDays: config.complaints.acceptDays,
        replyDays: config.complaints.replyDays,
        photoStorage,
        intakeUrls: intakeStandIn?.intakeUrls() ?? config.complaints.intakeUrls!,
        photoMaxBytes: config.complaints.photoMaxBytes,
      },
      classes: config.classes,
      stats: config.stats,
      mapTiles: config.mapTiles,
    },
  })
  // Development writes codes to the log; production (NODE_ENV=production) only starts with a real sender configured.
  sender = config.smsSender.kind === 'tencent' ? tencentSmsSender(config.smsSender) : logCodeSender(app.log)

  let stopBackgroundWork = async () => {}
  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    // The worker first: a job in flight finishes (or its lease lapses) before the database goes away.
    await stopBackgroundWork()
    await app.close()
    await database.close()
    await standIn?.close()
    await intakeStandIn?.close()
    photoStorage.destroy()
    redis?.disconnect()
    process.exit(0)
  }
  process.on('SIGTERM', () => void close('SIGTERM'))
  process.on('SIGINT', () => void close('SIGINT'))

  await app.listen({ port: config.port, host: config.host })
  const ownAddress = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  if (wechatCallbacks && !config.publicBaseUrl) wechatCallbacks.publicBaseUrl = ownAddress
  standIn?.setPush({ url: `${ownAddress}/api/wechat/events`, token: pushToken! })
  const instanceId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`
  // Forwarding complaints, class messages and reminders, clean-ups: jobs in PostgreSQL, each run once across instances and restarts.
  const jobWorker = startBackgroundJobs(app, { instanceId, pollMs: config.jobs.pollMs, leaseSeconds: config.jobs.leaseSeconds })
  stopBackgroundWork = () => jobWorker.stop()
  app.log.info(`吉林托育 on http://${config.host}:${config.port} (database: ${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'})`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

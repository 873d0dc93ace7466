import { Redis } from 'ioredis'
import { loadConfig } from './config'
import { openDatabase } from './db/open'
import { buildApp } from './app'
import { loadReference } from './shared/reference'
import { logCodeSender, type CodeSender } from './features/auth/code-sender'
import { startWechatStandIn } from './features/auth/wechat-stand-in'

async function main() {
  const config = loadConfig()
  const bootLog = { info: (o: object, m: string) => console.log(m, JSON.stringify(o)), warn: (o: object, m: string) => console.warn(m, JSON.stringify(o)) }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seedDemo: config.seedDemo, log: bootLog })

  // Without an app secret there is no real WeChat to talk to: run the stand-in and talk to it over HTTP instead.
  const standIn = config.wechat.appSecret ? null : await startWechatStandIn({ appId: config.wechat.appId })
  if (standIn) console.log(`WeChat stand-in server on ${standIn.url} (no WECHAT_APP_SECRET configured)`)
  const wechat = standIn
    ? { apiBase: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret }
    : { apiBase: config.wechat.apiBase ?? 'https://api.weixin.qq.com', appId: config.wechat.appId, appSecret: config.wechat.appSecret! }
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null

  let sender: CodeSender | null = null
  const app = await buildApp({
    database,
    reference: await loadReference(database.db),
    h5Dir: config.h5Dir,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    settings: {
      jwtSecret: config.jwtSecret,
      accessTokenSeconds: config.accessTokenSeconds,
      refreshTokenDays: config.refreshTokenDays,
      wechat,
      redis,
      codeSender: { send: (phone, code) => sender!.send(phone, code) },
    },
  })
  sender = logCodeSender(app.log)

  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    await app.close()
    await database.close()
    await standIn?.close()
    redis?.disconnect()
    process.exit(0)
  }
  process.on('SIGTERM', () => void close('SIGTERM'))
  process.on('SIGINT', () => void close('SIGINT'))

  await app.listen({ port: config.port, host: config.host })
  app.log.info(`吉林托育 on http://${config.host}:${config.port} (database: ${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'})`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

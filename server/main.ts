import { loadConfig } from './config'
import { openDatabase } from './db/open'
import { buildApp } from './app'
import { loadReference } from './shared/reference'

async function main() {
  const config = loadConfig()
  const logger = { level: config.logLevel }
  const bootLog = { info: (o: object, m: string) => console.log(m, JSON.stringify(o)), warn: (o: object, m: string) => console.warn(m, JSON.stringify(o)) }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seedDemo: config.seedDemo, log: bootLog })
  const app = await buildApp({ database, reference: await loadReference(database.db), h5Dir: config.h5Dir, logger })

  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    await app.close()
    await database.close()
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

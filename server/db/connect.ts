import { PGlite } from '@electric-sql/pglite'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect'
import type { Database } from './schema'
import { reportingUnavailable } from './unavailable'

export type DatabaseKind = 'pglite' | 'postgres'

export interface Db {
  db: Kysely<Database>
  kind: DatabaseKind
  close(): Promise<void>
}

const DATE_OID = 1082
const TIMESTAMPTZ_OID = 1184
const TIMESTAMP_OID = 1114
const INT8_OID = 20
// Both drivers return the same JS values: dates stay 'YYYY-MM-DD' (no time-zone shift), timestamps become ISO strings.
const keepDate = (value: string) => value
const toIso = (value: string) => new Date(value).toISOString()
const toNumber = (value: string) => Number(value)

export interface ConnectOptions {
  databaseUrl: string | null
  /** PGlite data directory; 'memory://' for a throw-away database. */
  dataDir: string
  /** PostgreSQL only: put every table in this schema (tests isolate themselves this way). */
  schema?: string
  /** PGlite only: start from a dumped data directory (tests reuse one migrated database). */
  loadDataDir?: Blob
  /** PostgreSQL only: told when a connection breaks (the server restarted or failed over); stderr when unset. */
  onConnectionLost?: (error: Error) => void
}

/**
 * A server that does not answer at all (a fail-over that drops packets) is given up after this, and the request answers
 * 503, rather than after the system's TCP timeout of about two minutes. Waiting for a free connection of the pool stays
 * unlimited: a burst of requests (500 parents signing up at once) queues instead of failing.
 */
const CONNECT_TIMEOUT_MS = 5_000
class ClientWithConnectTimeout extends pg.Client {
  constructor(config: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  }
}

export async function connect(options: ConnectOptions): Promise<Db> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      options: options.schema ? `-c search_path=${options.schema},public` : undefined,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return keepDate
          if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) return toIso
          if (oid === INT8_OID) return toNumber
          return pg.types.getTypeParser(oid, format)
        }) as typeof pg.types.getTypeParser,
      },
      Client: ClientWithConnectTimeout as unknown as new () => pg.ClientBase,
      // A fail-over can leave sockets open to a server that is gone: keep-alive finds them.
      keepAlive: true,
    })
    // Without listeners a broken connection ("Connection terminated unexpectedly") is an uncaught 'error' event that ends
    // the process. The pool drops the broken client; queries meanwhile fail and are answered 503 (see unavailable.ts).
    const connectionLost = options.onConnectionLost ?? ((error: Error) => console.warn(`database connection lost: ${error.message}`))
    pool.on('error', connectionLost)
    // A client in use fails its query instead (answered 503); this only keeps its 'error' event from being uncaught.
    pool.on('connect', (client) => client.on('error', () => {}))
    const dialect = reportingUnavailable(new PostgresDialect({ pool }))
    const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { cube, earthdistance },
    parsers: { [DATE_OID]: keepDate, [TIMESTAMPTZ_OID]: toIso, [TIMESTAMP_OID]: toIso, [INT8_OID]: toNumber },
  })
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), plugins: [new CamelCasePlugin()] })
  return { db, kind: 'pglite', close: () => db.destroy() }
}

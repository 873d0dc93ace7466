import type { DatabaseConnection, Dialect, Driver } from 'kysely'

/** Seconds a client is asked to wait (Retry-After) while the database is away: a restart or fail-over takes a few. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

/** A query or a connection failed because the database server cannot be reached; the request may work seconds later. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/** The socket could not reach the server, or lost it. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'])
/**
 * SQLSTATEs of a server that is away: class 08 (connection exception), 57P01–57P03 (shut down by an administrator,
 * crashed, not accepting connections while it starts or stops), 53300 (no connection slot left).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/
/** What node-postgres throws, without a code, when it loses a connection or cannot get one in time. */
const DRIVER_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/

/** True when an error of the PostgreSQL driver says the server cannot be reached (rather than that a query was wrong). */
export function meansServerAway(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown }
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true
  if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true
  // Node reports a refused connection to every address of a host name as one AggregateError.
  return Array.isArray(errors) && errors.some(meansServerAway)
}

const rethrown = (error: unknown): never => {
  throw error instanceof DatabaseUnavailableError || !meansServerAway(error) ? error : new DatabaseUnavailableError(error)
}

/** Calls every method of `target` through `wrap`, which sees its name and result; symbols and fields pass as they are. */
function intercept<T extends object>(target: T, wrap: (name: string | symbol, call: () => unknown) => unknown): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key, object)
      if (typeof value !== 'function' || typeof key === 'symbol') return typeof value === 'function' ? value.bind(object) : value
      return (...args: unknown[]) => wrap(key, () => value.apply(object, args))
    },
  })
}

const guardConnection = (connection: DatabaseConnection): DatabaseConnection =>
  intercept(connection, (name, call) => (name === 'executeQuery' ? (call() as Promise<unknown>).catch(rethrown) : call()))

const guardDriver = (driver: Driver): Driver =>
  intercept(driver, (name, call) => {
    const result = Promise.resolve().then(call).catch(rethrown)
    return name === 'acquireConnection' ? result.then((connection) => guardConnection(connection as DatabaseConnection)) : result
  })

/**
 * The same dialect, but what the driver throws because the server is away (refused, reset, shut down, out of connection
 * slots) becomes a DatabaseUnavailableError, which the BFF answers with 503 and Retry-After. Only errors that come out of
 * the database driver are judged: a refused connection to WeChat or S3 stays what it is.
 */
export function reportingUnavailable(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => guardDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  }
}

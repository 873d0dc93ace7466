import type { DatabaseConnection, Dialect, Driver } from 'kysely'
import { DatabaseUnavailableError, meansServerAway, reportingUnavailable } from './unavailable'

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code })

describe('meansServerAway', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['every address of a host refusing', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''), {})],
    ['an administrator shutdown (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a server still starting (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection failure (08006)', withCode('08006')],
    ['no connection slot left (53300)', withCode('53300')],
    ['node-postgres losing its socket', new Error('Connection terminated unexpectedly')],
    ['node-postgres waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
  ])('is true for %s', (_label, error) => {
    expect(meansServerAway(error)).toBe(true)
  })

  it.each([
    ['a unique violation (23505)', withCode('23505')],
    ['a syntax error (42601)', withCode('42601')],
    ['a bad UUID (22P02)', withCode('22P02')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_label, error) => {
    expect(meansServerAway(error)).toBe(false)
  })
})

describe('reportingUnavailable', () => {
  /** A dialect whose driver fails as told. */
  function dialectFailing(options: { acquire?: unknown; query?: unknown }): Dialect {
    const connection: DatabaseConnection = {
      executeQuery: async () => {
        if (options.query) throw options.query
        return { rows: [] }
      },
      streamQuery: async function* () {},
    }
    const driver: Driver = {
      init: async () => {},
      acquireConnection: async () => {
        if (options.acquire) throw options.acquire
        return connection
      },
      beginTransaction: async () => {},
      commitTransaction: async () => {},
      rollbackTransaction: async () => {},
      releaseConnection: async () => {},
      destroy: async () => {},
    }
    return { createDriver: () => driver } as unknown as Dialect
  }

  it('turns a server that is away into DatabaseUnavailableError, when connecting and when querying', async () => {
    const refused = withCode('ECONNREFUSED')
    const connecting = reportingUnavailable(dialectFailing({ acquire: refused })).createDriver()
    await expect(connecting.acquireConnection()).rejects.toEqual(expect.objectContaining({ constructor: DatabaseUnavailableError, cause: refused }))

    const terminated = new Error('Connection terminated unexpectedly')
    const connection = await reportingUnavailable(dialectFailing({ query: terminated }))
      .createDriver()
      .acquireConnection()
    await expect(connection.executeQuery({} as never)).rejects.toBeInstanceOf(DatabaseUnavailableError)
  })

  it('lets every other error through as it is', async () => {
    const duplicate = withCode('23505', 'duplicate key value violates unique constraint')
    const connection = await reportingUnavailable(dialectFailing({ query: duplicate }))
      .createDriver()
      .acquireConnection()
    await expect(connection.executeQuery({} as never)).rejects.toBe(duplicate)
  })
})

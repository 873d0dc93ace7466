import { sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely'
import type { Database } from '../db/schema'
import { migrateToLatest } from '../db/migrate'
import { seedReference, SHIPPED_REFERENCE } from '../db/seed-reference'
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database'
import { seedOnStart } from './seed-on-start'

/** Records the kind of every statement run through a database handle (SelectQueryNode, InsertQueryNode, RawNode…). */
class StatementRecorder implements KyselyPlugin {
  kinds: string[] = []
  transformQuery({ node }: PluginTransformQueryArgs) {
    this.kinds.push(node.kind)
    return node
  }
  async transformResult({ result }: PluginTransformResultArgs) {
    return result
  }
  get writes() {
    return this.kinds.filter((kind) => kind !== 'SelectQueryNode')
  }
}

const BUILD = 'build-of-this-release'
const TODAY = '2026-12-02'
let testDb: TestDatabase
let db: Kysely<Database>
let schema: string | undefined

/** What main.ts does after connecting, as a restart would: migrations, reference data, shipped content, demo data. */
async function start(handle: Kysely<Database>, codeVersion: string | null, options: { today?: string; shipped?: typeof SHIPPED_REFERENCE } = {}) {
  await migrateToLatest(handle, schema)
  await seedReference(handle, codeVersion, options.shipped)
  await seedOnStart(handle, { seedDemo: true, codeVersion, today: options.today ?? TODAY })
}

function watched() {
  const recorder = new StatementRecorder()
  return { recorder, handle: db.withPlugin(recorder) }
}

beforeAll(async () => {
  testDb = await createTestDatabase()
  db = testDb.database.db
  if (testDb.database.kind === 'postgres') schema = (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0].schema
  await start(db, BUILD)
})

afterAll(() => testDb.close())

describe('seeding on start', () => {
  it('the first start loads the shipped content and the demo data', async () => {
    const institutions = await db
      .selectFrom('institutions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const articles = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(institutions.n)).toBeGreaterThan(0)
    expect(Number(articles.n)).toBeGreaterThan(0)
  })

  it('a restart of the same build with the same shipped data only reads: no insert, update or delete', async () => {
    const { recorder, handle } = watched()
    await start(handle, BUILD)
    expect(recorder.kinds.length).toBeGreaterThan(0)
    expect(recorder.writes).toEqual([])
  })

  it('a changed shipped datum is written on the next start, and the start after it writes nothing again', async () => {
    const shipped = structuredClone(SHIPPED_REFERENCE)
    const district = shipped.cities[0].districts[0]
    district.name = `${district.name}（更名）`
    await start(db, BUILD, { shipped })
    const renamed = await db.selectFrom('regions').select('name').where('code', '=', district.code).executeTakeFirstOrThrow()
    expect(renamed.name).toBe(district.name)

    const { recorder, handle } = watched()
    await start(handle, BUILD, { shipped })
    expect(recorder.writes).toEqual([])

    await start(db, BUILD)
    const restored = await db.selectFrom('regions').select('name').where('code', '=', district.code).executeTakeFirstOrThrow()
    expect(restored.name).toBe(SHIPPED_REFERENCE.cities[0].districts[0].name)
  })

  it('a new build writes again, as does the first start of a new day for the demo classes', async () => {
    const newBuild = watched()
    await start(newBuild.handle, 'the-next-build')
    expect(newBuild.recorder.writes).toContain('InsertQueryNode')

    const nextDay = watched()
    await start(nextDay.handle, 'the-next-build', { today: '2026-12-03' })
    expect(nextDay.recorder.writes).toContain('InsertQueryNode')
  })

  it('without a code version (run from the TypeScript sources) every start writes, as each step is safe to repeat', async () => {
    const { recorder, handle } = watched()
    await start(handle, null)
    expect(recorder.writes).toContain('InsertQueryNode')
    const regions = await db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(regions.n)).toBe(SHIPPED_REFERENCE.cities.reduce((n, city) => n + 1 + city.districts.length, 0))
  })
})

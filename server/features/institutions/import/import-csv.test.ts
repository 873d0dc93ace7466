import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database'
import { DEMO_CSV } from '../demo-institutions'
import { importInstitutionsCsv } from './import-csv'

const demoLines = fs.readFileSync(DEMO_CSV, 'utf8').trimEnd().split('\n')
const header = demoLines[0]
const creditCodeOf = (line: string) => line.split(',')[0]
/** Flip the credit code's check character so the row is invalid. */
const breakCreditCode = (line: string) => {
  const code = creditCodeOf(line)
  const wrong = code[17] === '0' ? '1' : '0'
  return `${code.slice(0, 17)}${wrong}${line.slice(18)}`
}

let testDb: TestDatabase
const db = () => testDb.database.db

beforeAll(async () => {
  testDb = await createTestDatabase()
})
afterAll(async () => {
  await testDb?.close()
})

async function institutionCount() {
  const row = await db()
    .selectFrom('institutions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

it('loads the demo registry (at least 300 institutions in all 11 市州) through the import path', async () => {
  const report = await importInstitutionsCsv(db(), demoLines.join('\n'))
  expect(report.errors).toEqual([])
  expect(report.imported).toBeGreaterThanOrEqual(300)
  expect(await institutionCount()).toBe(report.imported)
  const cities = await db().selectFrom('institutions').select('cityCode').distinct().execute()
  expect(cities).toHaveLength(11)
  const flagged = await db().selectFrom('institutions').select('id').where('breachesLimits', '=', true).execute()
  expect(flagged.length).toBeGreaterThan(0)
  const graded = await db().selectFrom('institutions').select('id').where('gradeLevel', 'is not', null).execute()
  expect(graded.length).toBeGreaterThan(report.imported / 2)
})

it('re-importing updates institutions in place, replacing their classes', async () => {
  const before = await institutionCount()
  const line = demoLines[1]
  const cells = line.split(',')
  const code = creditCodeOf(line)
  const original = await db().selectFrom('institutions').select(['id', 'name']).where('creditCode', '=', code).executeTakeFirstOrThrow()
  const renamed = line
    .replace(cells[1], '改名后的托育园（演示）')
    .replace(/,toddler\|[^,]*,/, ',infant|乳儿班|6-12|8|4|3,')
    // Its class fees were for its old classes: the new one pays the form's own fee.
    .replace(/,((full_day|half_day)\|[a-z]+\|\d+;?)+,/, ',,')
  const report = await importInstitutionsCsv(db(), [header, renamed].join('\n'))
  expect(report).toMatchObject({ imported: 1, errors: [] })
  expect(await institutionCount()).toBe(before)
  const after = await db().selectFrom('institutions').select(['id', 'name']).where('creditCode', '=', code).executeTakeFirstOrThrow()
  expect(after).toEqual({ id: original.id, name: '改名后的托育园（演示）' })
  const classes = await db().selectFrom('institutionClasses').select(['name', 'capacity']).where('institutionId', '=', original.id).execute()
  expect(classes).toEqual([{ name: '乳儿班', capacity: 8 }])
  expect(await db().selectFrom('institutionClassFees').selectAll().where('institutionId', '=', original.id).execute()).toEqual([])
  const items = await db().selectFrom('institutionFeeItems').select('item').where('institutionId', '=', original.id).execute()
  expect(items.map((i) => i.item)).toContain('meals')
})

it('upserts the good rows and reports each bad row by line and reason, writing nothing of it', async () => {
  const fresh = await createTestDatabase()
  try {
    const good = demoLines[5]
    const bad = breakCreditCode(demoLines[6])
    const report = await importInstitutionsCsv(fresh.database.db, [header, good, bad].join('\n'))
    expect(report.imported).toBe(1)
    expect(report.rejectedLines).toBe(1)
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, field: 'credit_code' })])
    expect(report.errors[0].reason).toContain('校验')
    const codes = (await fresh.database.db.selectFrom('institutions').select('creditCode').execute()).map((r) => r.creditCode)
    expect(codes).toEqual([creditCodeOf(good)])
    const orphans = await fresh.database.db
      .selectFrom('institutionClasses')
      .select('institutionId')
      .where('institutionId', 'not in', fresh.database.db.selectFrom('institutions').select('id'))
      .execute()
    expect(orphans).toEqual([])
  } finally {
    await fresh.close()
  }
})

describe('npm run import:institutions', () => {
  const run = promisify(execFile)
  const root = path.resolve(__dirname, '../../../..')

  // Run against the embedded database only: on PostgreSQL it would write outside this test's schema.
  const itOnPGlite = process.env.DATABASE_URL ? it.skip : it
  itOnPGlite('imports a file into the embedded database and exits 1 listing the bad lines', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-import-'))
    const file = path.join(dir, 'registry.csv')
    fs.writeFileSync(file, [header, demoLines[1], breakCreditCode(demoLines[2]), demoLines[3]].join('\n'))
    const env = { ...process.env, DATA_DIR: path.join(dir, 'data'), NODE_OPTIONS: '' }
    const cli = [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/features/institutions/import-cli.ts'), file]
    const failure = await run(process.execPath, cli, { cwd: root, env }).catch((error) => error)
    expect(failure.code).toBe(1)
    expect(failure.stderr).toContain('第 3 行 [credit_code]')
    expect(failure.stdout).toContain('导入 2 家机构')
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

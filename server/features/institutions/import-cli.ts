import fs from 'node:fs'
import { loadConfig } from '../../config'
import { openDatabase } from '../../db/open'
import { importInstitutionsCsv } from './import/import-csv'

/** npm run import:institutions -- FILE.csv — validates every row, upserts the good ones, lists the bad ones. */
async function main() {
  const file = process.argv[2]
  if (!file) {
    console.error('用法 (usage): npm run import:institutions -- FILE.csv   (format: docs/import-format.md)')
    process.exit(2)
  }
  if (!fs.existsSync(file)) {
    console.error(`找不到文件 (file not found): ${file}`)
    process.exit(2)
  }
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    const report = await importInstitutionsCsv(database.db, fs.readFileSync(file, 'utf8'))
    for (const e of report.errors) console.error(`第 ${e.line} 行 [${e.field}]: ${e.reason}`)
    console.log(`导入 ${report.imported} 家机构；${report.rejectedLines} 行有错误未导入 (imported ${report.imported}, rejected ${report.rejectedLines} lines)`)
    process.exitCode = report.errors.length ? 1 : 0
  } finally {
    await database.close()
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { generateInstitutionCsvLines } from './demo-data/institution-generator'

export { generateInstitutionCsvLines, generateInstitutionRows, generateInstitutionsCsv, REFERENCE_DATE } from './demo-data/institution-generator'

const USAGE = 'usage: tsx scripts/generate-demo-data.ts [--count N] [--out FILE] [--seed S]'

interface Options {
  count: number
  out: string
  seed: number
}

function parseArgs(args: string[]): Options {
  const options: Options = { count: 320, out: 'mock/fixtures/institutions.csv', seed: 20261101 }
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]]
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`)
    if (flag === '--out') options.out = value
    else if (flag === '--count' || flag === '--seed') {
      const number = Number(value)
      if (!Number.isInteger(number) || number < 0) throw new Error(`${flag} must be a non-negative integer\n${USAGE}`)
      options[flag === '--count' ? 'count' : 'seed'] = number
    } else throw new Error(`unknown option ${flag}\n${USAGE}`)
  }
  return options
}

/** Writes in chunks of about 1 MB: 100,000 rows never sit in memory as one string. */
function writeCsv({ count, out, seed }: Options): void {
  mkdirSync(dirname(out), { recursive: true })
  const file = openSync(out, 'w')
  try {
    let chunk = ''
    for (const line of generateInstitutionCsvLines(count, seed)) {
      chunk += line
      if (chunk.length > 1_000_000) {
        writeSync(file, chunk)
        chunk = ''
      }
    }
    writeSync(file, chunk)
  } finally {
    closeSync(file)
  }
}

if (process.argv[1]?.endsWith('generate-demo-data.ts')) {
  const options = parseArgs(process.argv.slice(2))
  const started = performance.now()
  writeCsv(options)
  console.log(`wrote ${options.count} institutions to ${options.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

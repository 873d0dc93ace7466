import fs from 'node:fs'
import path from 'node:path'
import { CITIES } from '../../db/reference/regions'
import { PROVINCE_CODE } from '../../../types/roles'

/** Residents per area, from a statistics release: data, not code, so a newer release only replaces the file. */
export interface Population {
  year: number
  source: string
  /** Region code (220000 or a 市州) → residents; null or absent when unknown. */
  residents: Record<string, number | null>
}

export const DEFAULT_POPULATION_FILE = path.resolve(__dirname, 'population.json')

const KNOWN_CODES = new Set([PROVINCE_CODE, ...CITIES.map((c) => c.code)])

/** The parsed file, or an error saying what is wrong with it (the start then fails with that message). */
export function parsePopulation(text: string): Population {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new Error(`is not JSON (${(error as Error).message})`)
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('must be a JSON object with year, source and residents')
  const { year, source, residents } = data as Record<string, unknown>
  if (!Number.isInteger(year) || (year as number) < 1949 || (year as number) > 2100)
    throw new Error(`year must be a year such as 2023, got ${JSON.stringify(year)}`)
  if (typeof source !== 'string' || !source.trim()) throw new Error('source must say where the figures come from')
  if (!residents || typeof residents !== 'object' || Array.isArray(residents)) throw new Error('residents must be an object of region code → residents')
  for (const [code, value] of Object.entries(residents)) {
    if (!KNOWN_CODES.has(code)) throw new Error(`residents has an unknown region code ${code} (known: ${[...KNOWN_CODES].join(', ')})`)
    if (value !== null && !(Number.isInteger(value) && (value as number) > 0))
      throw new Error(`residents.${code} must be a positive whole number or null, got ${JSON.stringify(value)}`)
  }
  return { year: year as number, source: source.trim(), residents: residents as Record<string, number | null> }
}

export function readPopulationFile(file: string): Population {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`POPULATION_FILE ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  try {
    return parsePopulation(text)
  } catch (error) {
    throw new Error(`POPULATION_FILE ${file}: ${(error as Error).message}`)
  }
}

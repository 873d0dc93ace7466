import { createHash } from 'node:crypto'
import { sql, type Generated, type Kysely } from 'kysely'

interface SeedFingerprintsTable {
  step: string
  fingerprint: string
  seededAt: Generated<string>
}

/**
 * A seeding step's fingerprint: the version of the code that writes (the compiled server's build stamp) and the data
 * it ships. Null without a code version (the server run from its TypeScript sources): the step then always writes.
 */
export function seedFingerprint(codeVersion: string | null, ...shipped: unknown[]): string | null {
  if (codeVersion === null) return null
  const hash = createHash('sha256').update(codeVersion)
  for (const part of shipped) hash.update('\0').update(typeof part === 'string' ? part : JSON.stringify(part))
  return hash.digest('hex')
}

/**
 * Runs a seeding step's writes unless the step last ran with this same fingerprint, and records it once they
 * succeeded. Returns what `write` returned, or null when skipped. Two instances starting at once may both write:
 * every step is safe to repeat.
 */
export async function seedUnlessUnchanged<T>(db: Kysely<any>, step: string, fingerprint: string | null, write: () => Promise<T>): Promise<T | null> {
  const table = db.withTables<{ seedFingerprints: SeedFingerprintsTable }>()
  if (fingerprint !== null) {
    const last = await table.selectFrom('seedFingerprints').select('fingerprint').where('step', '=', step).executeTakeFirst()
    if (last?.fingerprint === fingerprint) return null
  }
  const result = await write()
  if (fingerprint !== null) {
    await table
      .insertInto('seedFingerprints')
      .values({ step, fingerprint })
      .onConflict((oc) => oc.column('step').doUpdateSet({ fingerprint, seededAt: sql`now()` }))
      .execute()
  }
  return result
}

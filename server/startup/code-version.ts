import fs from 'node:fs'
import path from 'node:path'

/**
 * The compiled server's build stamp (scripts/build-server.ts: a hash of every source and shipped data file, written
 * beside dist/server/main.js); null when the server runs from its TypeScript sources, which have none.
 */
export function builtCodeVersion(): string | null {
  const stamp = path.join(__dirname, '..', '.source-hash')
  return fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() || null : null
}

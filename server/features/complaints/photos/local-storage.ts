import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { PhotoStorage } from './storage'

/** Photos as files under one directory (the default: DATA_DIR/photos). Keys are generated, never user input. */
export function localDirectoryStorage(root: string): PhotoStorage {
  const fileOf = (key: string) => {
    if (!/^[A-Za-z0-9/_.-]+$/.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`)
    return path.join(root, key)
  }
  return {
    async put(key, body) {
      const file = fileOf(key)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      // Write then rename, so a crash never leaves half a photo under the real name.
      await fs.promises.writeFile(`${file}.part`, body)
      await fs.promises.rename(`${file}.part`, file)
    },
    async get(key): Promise<Readable | null> {
      const file = fileOf(key)
      return fs.existsSync(file) ? fs.createReadStream(file) : null
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true })
    },
  }
}

import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = ['.html', '.js', '.css', '.svg', '.json', '.txt', '.xml', '.map', '.ico', '.webmanifest', '.wasm']

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name)
    return d.isDirectory() ? filesUnder(full) : [full]
  })
}

export interface CompressedTotals {
  files: number
  raw: number
  brotli: number
  gzip: number
}

/**
 * Writes `<file>.br` (brotli quality 11) and `<file>.gz` (gzip level 9) beside every compressible file of an H5 build,
 * once per build: the BFF serves them as they are instead of compressing each request at a low level.
 */
export async function compressH5(dir: string): Promise<CompressedTotals> {
  const files = filesUnder(dir).filter((file) => COMPRESSIBLE.includes(path.extname(file)))
  const totals: CompressedTotals = { files: files.length, raw: 0, brotli: 0, gzip: 0 }
  // zlib's async calls run on libuv's thread pool: the files compress in parallel.
  await Promise.all(
    files.map(async (file) => {
      const content = await fs.promises.readFile(file)
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ])
      await Promise.all([fs.promises.writeFile(`${file}.br`, br), fs.promises.writeFile(`${file}.gz`, gz)])
      totals.raw += content.length
      totals.brotli += br.length
      totals.gzip += gz.length
    }),
  )
  return totals
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'dist/h5')
  const started = Date.now()
  compressH5(dir)
    .then((t) => {
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
      console.log(
        `compressed ${t.files} files of ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${kb(t.raw)} → brotli ${kb(t.brotli)}, gzip ${kb(t.gzip)}`,
      )
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}

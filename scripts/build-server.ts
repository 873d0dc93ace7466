import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { build, version as esbuildVersion, type Plugin } from 'esbuild'
import { hashFiles } from './taro-build'

/**
 * The BFF compiled once to plain JavaScript, so a start runs `node dist/server/main.js` without transpiling: one file
 * holding server/, the types/ it imports and the pure-JavaScript packages it uses (loading ~2,000 small modules one by
 * one took about a third of a start). What a module of ours reads relative to its own folder (shipped articles, the
 * population data, the demo fixtures) is copied to the same place under dist/, and `__dirname` in our code is
 * rewritten to that folder.
 */
const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'dist')
const SERVER_OUT = path.join(OUT, 'server')
export const COMPILED_MAIN = path.join(SERVER_OUT, 'main.js')
const STAMP = path.join(SERVER_OUT, '.source-hash')
const CODE_DIRS = ['server', 'types']
// Data the server reads from disk next to its code, or at a path relative to it.
const DATA_FILES = /\.(md|json|csv)$/
const FIXTURES = ['mock/fixtures/institutions.csv', 'mock/fixtures/health-centres.json']
/**
 * Loaded from node_modules at run time: packages that read files beside their own code (PGlite's WebAssembly, the
 * Swagger UI's pages), native code (sharp), and clients loaded only when configured (S3, Redis).
 */
const EXTERNAL = ['@electric-sql/pglite', '@fastify/swagger-ui', 'sharp', 'pg-native', '@aws-sdk/*', 'ioredis']
const TARGET = 'node20'

function listFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(dir, entry.name)
    if (entry.isDirectory()) return listFiles(child)
    return /\.test\.ts$/.test(entry.name) ? [] : [child]
  })
}

function sources(): { files: string[]; data: string[] } {
  const files = CODE_DIRS.flatMap(listFiles).sort()
  return { files: [...files, 'package-lock.json', 'scripts/build-server.ts'], data: [...files.filter((f) => DATA_FILES.test(f)), ...FIXTURES] }
}

/** A hash of everything the compiled server is made of (our code and data, the installed packages) and of how. */
function sourceHash({ files, data }: { files: string[]; data: string[] }): string {
  return hashFiles(createHash('sha256').update(`esbuild ${esbuildVersion} ${TARGET}\0`), [...files, ...data])
}

/** In one bundle every module shares main.js's folder: our modules' `__dirname` becomes their own folder under dist/. */
const ownDirname: Plugin = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const source = fs.readFileSync(args.path, 'utf8')
      if (!source.includes('__dirname')) return undefined
      const folder = path.relative(path.join(ROOT, 'server'), path.dirname(args.path)).split(path.sep).join('/')
      return { contents: source.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${JSON.stringify(folder)})`), loader: 'ts' }
    })
  },
}

/** Compiles the server into dist/server when the build is missing or older than its sources (a few seconds). */
export async function ensureServerBuild(log: (message: string) => void = console.log): Promise<void> {
  const inputs = sources()
  const hash = sourceHash(inputs)
  if (fs.existsSync(COMPILED_MAIN) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return
  log('编译服务端 (compiling server/ into dist/server: missing or stale)…')
  for (const dir of [...CODE_DIRS, 'mock']) fs.rmSync(path.join(OUT, dir), { recursive: true, force: true })
  await build({
    entryPoints: [path.join(ROOT, 'server/main.ts')],
    outfile: COMPILED_MAIN,
    bundle: true,
    external: EXTERNAL,
    plugins: [ownDirname],
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    // Beside the code, not inside it: read only with --enable-source-maps, so a start does not parse them.
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  for (const file of inputs.data) {
    fs.mkdirSync(path.dirname(path.join(OUT, file)), { recursive: true })
    fs.copyFileSync(path.join(ROOT, file), path.join(OUT, file))
  }
  fs.writeFileSync(STAMP, hash)
}

if (require.main === module) {
  ensureServerBuild().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

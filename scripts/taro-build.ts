import { createHash, type Hash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const SOURCES = ['src', 'config', 'types', 'babel.config.js', '.browserslistrc', 'package-lock.json', 'tsconfig.json', 'project.config.json']

export interface TaroBuild {
  type: 'h5' | 'weapp'
  /** Output folder, relative to the project. */
  outDir: string
  /** Build-time settings (TARO_APP_*), part of what makes a build current. */
  env?: Record<string, string>
  /** A script run on the output folder after the build (its path, relative to the project); part of the hash too. */
  afterBuild?: string
}

/** `npm start` and the browser tests: the H5 app the BFF serves, with its brotli and gzip copies. */
export const H5_BUILD: TaroBuild = { type: 'h5', outDir: 'dist/h5', afterBuild: 'scripts/compress-h5.ts' }

/**
 * A production weapp build for the runtime tests and the bench, beside the developer's own dist/weapp: an https API
 * base of its own (the tests' wx stand-in maps it to their BFF, as WeChat's request-domain list would) and a
 * placeholder AppID of the right form.
 */
export const WEAPP_TEST_BUILD: TaroBuild = {
  type: 'weapp',
  outDir: 'dist/weapp-test',
  env: { TARO_APP_API_BASE: 'https://bff.weapp.test', TARO_APP_ID: 'wx0123456789abcdef' },
}

function listFiles(entry: string): string[] {
  const full = path.join(ROOT, entry)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [entry]
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((d) => {
    const child = path.join(entry, d.name)
    if (d.isDirectory()) return listFiles(child)
    return /\.test\.tsx?$/.test(d.name) ? [] : [child]
  })
}

/** A hash of everything a bundle is built from, and its build-time settings; tests are left out. */
export function sourceHash(build: TaroBuild): string {
  const hash = createHash('sha256')
  hash.update(build.type).update(JSON.stringify(build.env ?? {}))
  return hashFiles(hash, [...SOURCES, ...(build.afterBuild ? [build.afterBuild] : [])].flatMap(listFiles).sort())
}

/** Adds each file's name and content (paths from the repository root) to the hash; its hex digest. */
export function hashFiles(hash: Hash, files: string[]): string {
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(ROOT, file)))
      .update('\0')
  return hash.digest('hex')
}

const stampOf = (build: TaroBuild) => path.join(ROOT, build.outDir, '.source-hash')
const entryOf = (build: TaroBuild) => path.join(ROOT, build.outDir, build.type === 'h5' ? 'index.html' : 'app.js')

export function buildIsCurrent(build: TaroBuild): boolean {
  const stamp = stampOf(build)
  return fs.existsSync(entryOf(build)) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sourceHash(build)
}

/** Builds the app (production mode) when the build is missing or older than its sources. */
export function ensureBuild(build: TaroBuild, log: (message: string) => void = console.log): void {
  if (buildIsCurrent(build)) return
  log(`构建 ${build.type} 应用 (building ${build.outDir}: missing or stale)…`)
  const hash = sourceHash(build)
  fs.rmSync(path.join(ROOT, build.outDir), { recursive: true, force: true })
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', build.type], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...build.env, TARO_OUTPUT_ROOT: build.outDir, NODE_ENV: 'production' },
  })
  if (build.afterBuild) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, build.afterBuild), path.join(ROOT, build.outDir)], {
      cwd: ROOT,
      stdio: 'inherit',
    })
  }
  fs.writeFileSync(stampOf(build), hash)
}

export function ensureH5Build(log?: (message: string) => void): void {
  ensureBuild(H5_BUILD, log)
}

if (require.main === module) ensureH5Build()

import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const H5_DIR = path.join(ROOT, 'dist/h5')
const STAMP = path.join(H5_DIR, '.source-hash')
const SOURCES = ['src', 'config', 'types', 'babel.config.js', 'package-lock.json', 'tsconfig.json', 'project.config.json']

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

/** A hash of everything the H5 bundle is built from; tests are left out. */
export function sourceHash(): string {
  const hash = createHash('sha256')
  for (const file of SOURCES.flatMap(listFiles).sort()) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(ROOT, file))).update('\0')
  }
  return hash.digest('hex')
}

export function h5BuildIsCurrent(): boolean {
  return fs.existsSync(path.join(H5_DIR, 'index.html')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === sourceHash()
}

/** Builds the H5 app when it is missing or older than its sources. */
export function ensureH5Build(log: (message: string) => void = console.log): void {
  if (h5BuildIsCurrent()) return
  log('构建 H5 应用 (building the H5 app: missing or stale)…')
  const hash = sourceHash()
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  })
  fs.writeFileSync(STAMP, hash)
}

if (require.main === module) ensureH5Build()

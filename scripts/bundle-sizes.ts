import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
export const WEAPP_DIR = path.join(ROOT, 'dist/weapp')
export const H5_DIR = path.join(ROOT, 'dist/h5')
/** WeChat allows 2 MB per package; the team's budget for the main package is 1 MB. */
export const MAIN_PACKAGE_BUDGET = 1024 * 1024

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name)
    return d.isDirectory() ? filesUnder(full) : [full]
  })
}

const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export interface WeappSizes {
  main: number
  subpackages: Record<string, number>
  total: number
}

/** The main package is everything that is not under a subpackage root declared in app.json. */
export function weappSizes(dir = WEAPP_DIR): WeappSizes {
  const appJson = path.join(dir, 'app.json')
  if (!fs.existsSync(appJson)) throw new Error(`${appJson} missing: run npm run build:weapp first`)
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'))
  const files = filesUnder(dir).filter((f) => !f.endsWith('.map'))
  const subpackages: Record<string, number> = {}
  let main = 0
  for (const file of files) {
    const relative = path.relative(dir, file).split(path.sep).join('/')
    const root = roots.find((r) => relative.startsWith(r))
    const size = fs.statSync(file).size
    if (root) subpackages[root] = (subpackages[root] ?? 0) + size
    else main += size
  }
  return { main, subpackages, total: sizeOf(files) }
}

export function h5Size(dir = H5_DIR): { total: number; js: number } {
  // Not the .br/.gz copies written beside each file (scripts/compress-h5.ts).
  const files = filesUnder(dir).filter((f) => !/\.(map|br|gz)$/.test(f))
  return { total: sizeOf(files), js: sizeOf(files.filter((f) => f.endsWith('.js'))) }
}

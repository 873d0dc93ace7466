import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as ci from 'miniprogram-ci'
import { kb, WEAPP_DIR, weappSizes } from './bundle-sizes'

/**
 * WeChat's own code-quality audit (代码质量扫描 in WeChat DevTools) run offline on a weapp build: miniprogram-ci's
 * checkCodeQuality. Prints every item with its verdict and figures; exits 1 when any item fails.
 *
 *   npm run check:weapp-quality [-- dist/weapp-folder]
 *
 * The audit reads the build's project.config.json and app.json and analyses the files; it never contacts WeChat, so
 * any well-formed AppID and a throwaway RSA key (made here, never written to disk) are enough.
 */

type Item = { name: string; success: boolean; text?: string; docURL?: string; detail?: unknown }

/** What each item asks for, and where this project answers it. */
const MEANING: Record<string, string> = {
  PACKAGE_SIZE_LIMIT: 'main package (without plugins) under the limit; subpackages are listed too',
  JS_COMPRESS_OPEN: 'project.config.json setting.minified: WeChat minifies JS on upload (the Taro build minifies it already, config/prod.ts)',
  WXML_COMPRESS_OPEN: 'project.config.json setting.minifyWXML (the Taro build collapses WXML whitespace, config/prod.ts)',
  WXSS_COMPRESS_OPEN: 'project.config.json setting.minifyWXSS (the Taro build minifies WXSS with csso, config/prod.ts)',
  LAZYCODE_LOADING_OPEN: 'app.json lazyCodeLoading: "requiredComponents" (src/app.config.ts): only the components a page uses are injected',
  IMAGE_AND_AUDIO_LIMIT: 'all images and audio in the package together under the limit (src/assets)',
  CONTAINS_OTHER_PKG_JS: 'no JS in the main package that only subpackages use',
  CONTAINS_OTHER_PKG_COMPONENTS: 'no components in the main package that only subpackages use',
  CONTAINS_UNUSED_PLUGINS: 'no plugin declared and never used',
  CONTAINS_UNUSED_COMPONENTS: 'no component declared and never used',
  CONTAINS_UNUSED_CODES: 'no code file that nothing depends on',
  SITEMAP: "issue 10, not in WeChat's audit: sitemap.json (src/sitemap.json) says which pages WeChat search may index",
  STYLE_V2: 'issue 10, not in WeChat\'s audit: app.json style "v2" (src/app.config.ts)',
}

function ciVersion(): string {
  const require = createRequire(__filename)
  return (require('miniprogram-ci/package.json') as { version: string }).version
}

const listOf = (detail: unknown, key?: string): string[] => {
  const value = key && detail && typeof detail === 'object' ? (detail as Record<string, unknown>)[key] : detail
  return Array.isArray(value) ? value.map(String) : []
}

/** The extensions WeChat's IMAGE_AND_AUDIO_LIMIT adds up (miniprogram-ci's qualitycheckoption). */
const MEDIA = /\.(jpe?g|png|svg|webp|gif|flac|m4a|ogg|ape|amr|wma|wav|mp3|mp4|aac|aiff|caf)$/i

function mediaFiles(dir: string): Array<{ file: string; size: number }> {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => MEDIA.test(file))
    .map((file) => ({ file, size: fs.statSync(path.join(dir, file)).size }))
}

/** The figures of an item, and any reason to fail it that WeChat itself lets through. */
function figures(item: Item, dir: string): { lines: string[]; stricter?: string } {
  switch (item.name) {
    case 'IMAGE_AND_AUDIO_LIMIT': {
      const media = mediaFiles(dir)
      const largest = [...media].sort((a, b) => b.size - a.size)[0]
      return {
        lines: [
          `${media.length} file(s), ${kb(media.reduce((sum, m) => sum + m.size, 0))} together${largest ? `; largest ${largest.file} ${kb(largest.size)}` : ''}`,
        ],
      }
    }
    case 'PACKAGE_SIZE_LIMIT': {
      const sizes = (item.detail ?? {}) as Record<string, number>
      const { __APP__: main = 0, ...subpackages } = sizes
      const total = Object.values(sizes).reduce((sum, size) => sum + size, 0)
      return {
        lines: [
          `main package ${kb(main)}, all packages ${kb(total)}`,
          `subpackages: ${
            Object.entries(subpackages)
              .map(([root, size]) => `${root} ${kb(size)}`)
              .join(', ') || 'none'
          }`,
        ],
      }
    }
    case 'CONTAINS_OTHER_PKG_JS': {
      const files = listOf(item.detail, 'files')
      return { lines: files.length ? [`${files.length} file(s): ${files.join(', ')}`] : [] }
    }
    case 'CONTAINS_OTHER_PKG_COMPONENTS': {
      // miniprogram-ci reports these but always answers success: a listed component still fails here.
      const comps = listOf(item.detail, 'comps')
      return comps.length ? { lines: [`${comps.length} component(s): ${comps.join(', ')}`], stricter: 'components only subpackages use' } : { lines: [] }
    }
    case 'CONTAINS_UNUSED_PLUGINS':
    case 'CONTAINS_UNUSED_COMPONENTS': {
      const found = listOf(item.detail)
      return { lines: found.length ? [`${found.length}: ${found.join(', ')}`] : [] }
    }
    case 'CONTAINS_UNUSED_CODES': {
      // WeChat passes this while project.config.json leaves ignoreUploadUnusedFiles on (it drops them at upload);
      // a build that ships files nothing uses still fails here.
      const files = listOf(item.detail)
      return files.length ? { lines: [`${files.length} file(s): ${files.join(', ')}`], stricter: 'files nothing depends on' } : { lines: [] }
    }
    case 'SITEMAP':
      return { lines: [`indexed: ${listOf(item.detail).join(', ') || 'none'}`] }
    default:
      return { lines: [] }
  }
}

type AppJson = { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; sitemapLocation?: string; style?: string }
type Sitemap = { rules?: Array<{ action: string; page: string }> }

/** What issue 10 asks beside WeChat's audit, read from the same build: a sitemap naming real pages, and style v2. */
function projectItems(dir: string): Item[] {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))]
  let sitemap: Sitemap | null = null
  try {
    sitemap = app.sitemapLocation ? (JSON.parse(fs.readFileSync(path.join(dir, app.sitemapLocation), 'utf8')) as Sitemap) : null
  } catch {
    sitemap = null
  }
  const rules = sitemap?.rules ?? []
  const unknown = rules.filter((rule) => rule.page !== '*' && !pages.includes(rule.page)).map((rule) => rule.page)
  const indexed = rules.filter((rule) => rule.action === 'allow').map((rule) => rule.page)
  const sitemapText = !app.sitemapLocation
    ? 'app.json has no sitemapLocation'
    : !sitemap
      ? `${app.sitemapLocation} missing or not JSON`
      : `${app.sitemapLocation}: ${rules.length} rule(s); ${unknown.length ? `not pages of app.json: ${unknown.join(', ')}` : 'every rule names a page of app.json'}`
  return [
    {
      name: 'SITEMAP',
      success: Boolean(sitemap && rules.length && !unknown.length),
      text: sitemapText,
      detail: indexed,
    },
    { name: 'STYLE_V2', success: app.style === 'v2', text: `app.json style ${JSON.stringify(app.style ?? null)}` },
  ]
}

async function audit(dir: string): Promise<Item[]> {
  // Only the analysis runs; the key signs nothing, but the project object insists on one.
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8')) as { appid?: string }
  const project = new ci.Project({
    appid: config.appid && /^wx[0-9a-f]{16}$/.test(config.appid) ? config.appid : 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: dir,
    privateKey,
    ignores: ['node_modules/**/*'],
  })
  // In Chinese each text states the requirement (the English ones read as failures even when passing).
  ci.locales.setLocale('zh')
  // miniprogram-ci logs a checker that throws and then counts it as passed: such a run fails here instead.
  const crashes: unknown[] = []
  const consoleError = console.error
  console.error = (...args: unknown[]) => void crashes.push(args.map(String).join(' '))
  try {
    const items = (await ci.checkCodeQuality(project)) as Item[]
    if (crashes.length)
      items.push({ name: 'AUDIT_RAN', success: false, text: `a check crashed (miniprogram-ci would count it as passed): ${crashes.join('; ')}` })
    return items
  } finally {
    console.error = consoleError
  }
}

async function main(): Promise<number> {
  const dir = path.resolve(process.argv[2] ?? WEAPP_DIR)
  for (const file of ['app.json', 'project.config.json']) {
    if (!fs.existsSync(path.join(dir, file))) {
      console.error(`${path.join(dir, file)} missing: build the mini-program first (npm run build:weapp)`)
      return 2
    }
  }
  console.log(`WeChat code-quality audit (miniprogram-ci ${ciVersion()} checkCodeQuality, offline) of ${path.relative(process.cwd(), dir) || '.'}`)
  const items = [...(await audit(dir)), ...projectItems(dir)]
  let failed = 0
  for (const item of items) {
    const { lines, stricter } = figures(item, dir)
    const ok = item.success && !stricter
    if (!ok) failed += 1
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${item.name.padEnd(30)} ${item.text ?? ''}`)
    const meaning = MEANING[item.name]
    if (meaning) console.log(`      ${''.padEnd(30)} ${meaning}`)
    for (const line of lines) console.log(`      ${''.padEnd(30)} ${line}`)
    if (item.success && stricter) console.log(`      ${''.padEnd(30)} WeChat lets this pass; this check does not: ${stricter}`)
  }
  const sizes = weappSizes(dir)
  console.log(`package files: main ${kb(sizes.main)}, total ${kb(sizes.total)} (as npm run check:weapp-size counts them)`)
  console.log(failed ? `${failed} of ${items.length} items fail` : `all ${items.length} items pass`)
  return failed ? 1 : 0
}

main().then(
  // miniprogram-ci leaves a file watcher running: leave explicitly.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(2)
  },
)

import { buildSync } from 'esbuild'
import HtmlWebpackPlugin from 'html-webpack-plugin'
import path from 'node:path'
import type { Chunk, ChunkGraph, Compilation, Compiler, Module } from 'webpack'

/** The first screen: the home tab, where every visit starts. */
export const HOME_PAGE = /[\\/]src[\\/]pages[\\/]index[\\/]index\.tsx/

type MaybeConcatenated = Module & { resource?: string; modules?: Iterable<Module> }
/** After module concatenation a chunk holds the page inside a ConcatenatedModule: look inside. */
const holdsHomePage = (module: Module): boolean => {
  const { resource, modules } = module as MaybeConcatenated
  return HOME_PAGE.test(resource ?? '') || (modules !== undefined && [...modules].some(holdsHomePage))
}

/** Whether a chunk holds the home page's own module (memoised per chunk: splitChunks asks for every module). */
function homeChunkTest() {
  const known = new WeakMap<Chunk, boolean>()
  return (chunk: Chunk, chunkGraph: ChunkGraph) => {
    let home = known.get(chunk)
    if (home === undefined) {
      home = chunkGraph.getChunkModules(chunk).some(holdsHomePage)
      known.set(chunk, home)
    }
    return home
  }
}

const SWIPER = /[\\/]node_modules[\\/](swiper|@tarojs[\\/]components[\\/]dist[\\/]components[\\/]taro-swiper)/

/**
 * H5 page chunks are loaded on demand, and Taro's splitChunks (chunks: 'initial') leaves them alone: every page
 * carried its own copy of Taro's components and APIs, dayjs, page-frame and the rest. Here:
 * - `shared`: what the home page has in common with any other page, in one chunk. The home page needs it anyway,
 *   and after the first screen every other page only loads its own code.
 * - `swiper`: the carousel (swiper and Taro's swiper component), needed only by the pages with photo galleries.
 * - the rest that several other pages share goes into chunks by webpack's usual rule, when big enough to be worth
 *   a request.
 * Taro's own groups for the entry (taro, vendors, common) stay as they are.
 */
export function asyncChunkGroups() {
  const isHomeChunk = homeChunkTest()
  return {
    swiper: { name: 'swiper', chunks: 'async' as const, test: SWIPER, priority: 40, enforce: true },
    shared: {
      name: 'shared',
      chunks: 'async' as const,
      minChunks: 2,
      priority: 30,
      enforce: true,
      test: (module: Module, { chunkGraph }: { chunkGraph: ChunkGraph }) => chunkGraph.getModuleChunks(module).some((chunk) => isHomeChunk(chunk, chunkGraph)),
    },
    pagesCommon: { chunks: 'async' as const, minChunks: 2, minSize: 12 * 1024, priority: 20, reuseExistingChunk: true },
  }
}

/** The files (js, css) the home page needs beyond the entry: its chunk and the ones split off it. */
export function homePageFiles(compilation: Compilation): string[] {
  const { chunkGraph } = compilation
  const isHomeChunk = homeChunkTest()
  const files = new Set<string>()
  for (const chunk of compilation.chunks) {
    if (!isHomeChunk(chunk, chunkGraph)) continue
    for (const group of chunk.groupsIterable) {
      for (const member of group.chunks) member.files.forEach((file) => files.add(file))
    }
  }
  return [...files].filter((file) => /\.(js|css)$/.test(file)).sort()
}

type HtmlTag = HtmlWebpackPlugin.HtmlTagObject

/**
 * Without it the browser learns of the home chunk only once app.js has run and the router asks for the page:
 * one more round trip (150 ms on the target network) plus the download, after the entry. A preload link lets it
 * download in parallel with app.js.
 */
export class PreloadHomePage {
  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('PreloadHomePage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadHomePage', (data) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        const links = homePageFiles(compilation).map<HtmlTag>((file) => ({
          tagName: 'link',
          voidTag: true,
          attributes: { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: publicPath + file },
          meta: { plugin: 'PreloadHomePage' },
        }))
        // After the entry's own tags: the entry is asked for first, and can run while these arrive.
        return { ...data, headTags: [...data.headTags, ...links] }
      })
    })
  }
}

const isStylesheet = (tag: HtmlTag) => tag.tagName === 'link' && tag.attributes.rel === 'stylesheet'

/**
 * A stylesheet in <head> holds back the first paint until it has arrived (one more round trip). In <body>, after
 * index.html's first screen (which brings its own styles), it holds back only what follows it; the deferred scripts
 * still wait for it, so the app never renders unstyled.
 */
export class StylesheetAfterAppShell {
  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('StylesheetAfterAppShell', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('StylesheetAfterAppShell', (data) => ({
        ...data,
        headTags: data.headTags.filter((tag) => !isStylesheet(tag)),
        bodyTags: [...data.headTags.filter(isStylesheet), ...data.bodyTags],
      }))
    })
  }
}

/** index.html's early start of the home list's first search (see the file). */
const EARLY_SEARCH = path.resolve(__dirname, '../src/pages/index/early-search.ts')

/**
 * Puts src/pages/index/early-search.ts into index.html as an inline script, built from the same modules the app uses
 * (the query, the position options, the datum shift), so its request is the very one the app would send.
 */
export class InlineEarlySearch {
  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('InlineEarlySearch', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineEarlySearch', (data) => {
        const built = buildSync({
          entryPoints: [EARLY_SEARCH],
          bundle: true,
          minify: true,
          write: false,
          format: 'iife',
          target: 'es2018',
          legalComments: 'none',
        })
        compilation.fileDependencies.add(EARLY_SEARCH)
        const script: HtmlTag = {
          tagName: 'script',
          voidTag: false,
          attributes: {},
          innerHTML: built.outputFiles[0].text.trim(),
          meta: { plugin: 'InlineEarlySearch' },
        }
        // First: it starts before the browser has even parsed the tags for the app's files.
        return { ...data, headTags: [script, ...data.headTags] }
      })
    })
  }
}

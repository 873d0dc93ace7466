import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

/** Webpack names these with a content hash (js/app.f8c30d13.js, css/app.f8c3….css): a new build, a new name. */
const HASHED_ASSET = /^\/(?:js|css|static)\/(?:.+\/)?[^/]+\.[0-9a-f]{8,}\.[^/]+$/
const YEAR_SECONDS = 365 * 24 * 3600

const compressedSuffix = /\.(?:br|gz)$/

function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache'
}

/**
 * The H5 build at '/': brotli or gzip read from the `.br`/`.gz` files written after the build (so @fastify/compress,
 * which skips a reply that already has a Content-Encoding, never compresses them again), hashed assets cached for a
 * year, everything else (index.html) revalidated on each visit so a new release is picked up at once.
 * Skipped when the directory holds no index.html.
 */
export async function registerH5Static(app: FastifyInstance, h5Dir: string | undefined): Promise<void> {
  if (!h5Dir || !fs.existsSync(path.join(h5Dir, 'index.html'))) return
  const root = path.resolve(h5Dir)
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The compressed copies are found beside the file asked for; they need no routes of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (res, filePath) => {
      const servedFile = filePath.replace(compressedSuffix, '')
      const urlPath = '/' + path.relative(root, servedFile).split(path.sep).join('/')
      res.setHeader('Cache-Control', cacheControlFor(urlPath))
      // Also on the uncompressed answer: a shared cache must not hand it to a browser that takes brotli. Lower case as
      // @fastify/compress writes it, so that it does not add a second one when it deflates a file on the fly.
      res.setHeader('Vary', 'accept-encoding')
    },
  })
}

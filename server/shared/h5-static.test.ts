import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Fastify, { type FastifyInstance } from 'fastify'
import compress from '@fastify/compress'
import { compressH5 } from '../../scripts/compress-h5'
import { registerH5Static } from './h5-static'

// A built H5 app as Taro writes it (hashed names under js/ and css/), compressed the way the build does it.
const INDEX_HTML = `<!doctype html><html><head><script defer src="/js/app.1a2b3c4d.js"></script></head><body><div id="app">${'吉林托育'.repeat(100)}</div></body></html>`
const APP_JS = `console.log(${JSON.stringify('托育机构 '.repeat(500))})`

let dir: string
let app: FastifyInstance

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-h5-static-'))
  fs.mkdirSync(path.join(dir, 'js'))
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(dir, 'js/app.1a2b3c4d.js'), APP_JS)
  await compressH5(dir)
  // As in server/app.ts: compression of API answers, then the H5 build.
  app = Fastify()
  await app.register(compress, { threshold: 1024 })
  app.get('/api/big', async () => ({ text: 'x'.repeat(5000) }))
  await registerH5Static(app, dir)
})

afterAll(async () => {
  await app.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable'

describe('the H5 build at /', () => {
  it('sends the brotli file written at build time to a browser that takes brotli, cached for a year', async () => {
    const response = await app.inject({ url: '/js/app.1a2b3c4d.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toMatch(/^application\/javascript/)
    expect(response.headers['cache-control']).toBe(YEAR_IMMUTABLE)
    expect(response.headers.vary).toMatch(/accept-encoding/i)
    expect(response.rawPayload.equals(fs.readFileSync(path.join(dir, 'js/app.1a2b3c4d.js.br')))).toBe(true)
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(APP_JS)
  })

  it('sends the gzip file to a browser without brotli', async () => {
    const response = await app.inject({ url: '/js/app.1a2b3c4d.js', headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers.vary).toMatch(/accept-encoding/i)
    expect(response.rawPayload.equals(fs.readFileSync(path.join(dir, 'js/app.1a2b3c4d.js.gz')))).toBe(true)
    expect(zlib.gunzipSync(response.rawPayload).toString()).toBe(APP_JS)
  })

  it('sends the file itself when no encoding is accepted', async () => {
    const response = await app.inject({ url: '/js/app.1a2b3c4d.js' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers.vary).toMatch(/accept-encoding/i)
    expect(response.body).toBe(APP_JS)
  })

  it('has the page revalidated on every visit, at / and /index.html, compressed', async () => {
    for (const url of ['/', '/index.html']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      expect(response.headers['content-encoding']).toBe('br')
      expect(response.headers['cache-control']).toBe('no-cache')
      expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(INDEX_HTML)
    }
    const plain = await app.inject({ url: '/' })
    expect(plain.headers['cache-control']).toBe('no-cache')
    expect(plain.body).toBe(INDEX_HTML)
  })

  it('answers 404 for a file the build does not have, and for the compressed copies by name', async () => {
    for (const url of ['/js/app.00000000.js', '/nothing.html', '/js/app.1a2b3c4d.js.br']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
      expect(response.statusCode).toBe(404)
    }
  })

  it('still compresses API answers per request', async () => {
    const response = await app.inject({ url: '/api/big', headers: { 'accept-encoding': 'br' } })
    expect(response.headers['content-encoding']).toBe('br')
    expect(JSON.parse(zlib.brotliDecompressSync(response.rawPayload).toString())).toEqual({ text: 'x'.repeat(5000) })
  })
})

/**
 * Serves the H5 build (dist/h5) with the msw handlers answering /api — for looking at the app
 * without a BFF: `npx tsx mock/handlers/preview-server.ts` then open http://127.0.0.1:4173/.
 * Every endpoint answers its fixture (mock/handlers): any number and code sign in.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { getResponse } from 'msw'
import { handlers } from '.'

const root = path.resolve(__dirname, '../../dist/h5')
const port = Number(process.env.PORT ?? 4173)
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
  if (url.pathname.startsWith('/api/')) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined
    const response = await getResponse(handlers, new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body }))
    const headers: Record<string, string> = { 'content-type': response?.headers.get('content-type') ?? 'application/json' }
    for (const name of ['content-disposition', 'retry-after']) if (response?.headers.has(name)) headers[name] = response.headers.get(name) as string
    res.writeHead(response?.status ?? 404, headers)
    res.end(response ? Buffer.from(await response.arrayBuffer()) : '{"statusCode":404,"error":"Not Found","message":"no mock"}')
    return
  }
  const file = path.join(root, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''))
  const target = existsSync(file) && statSync(file).isFile() ? file : path.join(root, 'index.html')
  res.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' })
  createReadStream(target).pipe(res)
}).listen(port, '127.0.0.1', () => console.log(`H5 preview with mocked /api on http://127.0.0.1:${port}/`))

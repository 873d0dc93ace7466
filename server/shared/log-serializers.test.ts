import Fastify from 'fastify'
import { Writable } from 'node:stream'
import { requestForLog } from './log-serializers'

it('logs a request’s path without its query string: no position or birth month reaches the log', async () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const app = Fastify({ logger: { level: 'info', stream, serializers: { req: requestForLog } } })
  app.get('/api/subsidies/estimate', async () => ({ ok: true }))
  await app.inject('/api/subsidies/estimate?birthMonth=2025-10&lat=43.88&lng=125.32')
  await app.close()
  const incoming = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'incoming request')
  expect(incoming.req).toMatchObject({ method: 'GET', url: '/api/subsidies/estimate' })
  expect(lines.join('')).not.toMatch(/2025-10|43\.88|125\.32/)
})

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { DEPARTMENTS, type Department } from '../../../../types/complaints'
import { closeServer, listenLocally, readBody } from '../../../shared/stand-in-http'

/**
 * A stand-in for the departments' intake endpoints (e.g. the 12345 platform), for development and tests: it answers
 * POST /intake/<department> over real HTTP, so the BFF runs its production forwarding code against it. Like a careful
 * receiver it drops a repeated Idempotency-Key: acknowledged again, counted once.
 */
export interface IntakeStandIn {
  url: string
  /** Every request acknowledged, repeats included, oldest first. */
  received: ReceivedDelivery[]
  /** Each delivery once, by its Idempotency-Key. */
  deliveriesByKey: Map<string, ReceivedDelivery>
  /** All requests, refused ones included. */
  requestCount(): number
  /** The department URLs to configure: `${url}/intake/<department>`. */
  intakeUrls(): Record<Department, string>
  close(): Promise<void>
}

export interface ReceivedDelivery {
  department: Department
  idempotencyKey: string
  body: unknown
  duplicate: boolean
}

export interface IntakeStandInOptions {
  port?: number
  /** Answer 503 to this many requests first (an endpoint that is down for a while). */
  failFirst?: number
  /** Called with each acknowledged request before it is answered, e.g. to log it. */
  onDelivery?: (delivery: ReceivedDelivery) => void
}

type Answer = { status: number; body: Record<string, unknown> }

export async function startIntakeStandIn(options: IntakeStandInOptions = {}): Promise<IntakeStandIn> {
  const received: ReceivedDelivery[] = []
  const deliveriesByKey = new Map<string, ReceivedDelivery>()
  let requests = 0

  function accept(request: IncomingMessage, rawBody: string): Answer {
    requests += 1
    const url = new URL(request.url ?? '/', 'http://stand-in')
    const match = /^\/intake\/([a-z_]+)$/.exec(url.pathname)
    const department = match?.[1] as Department | undefined
    if (request.method === 'GET' && url.pathname === '/__stand-in/deliveries') return { status: 200, body: { deliveries: [...deliveriesByKey.values()] } }
    if (request.method !== 'POST' || !department || !DEPARTMENTS.includes(department)) return { status: 404, body: { error: 'not found' } }
    if (requests <= (options.failFirst ?? 0)) return { status: 503, body: { error: 'temporarily unavailable' } }
    const idempotencyKey = request.headers['idempotency-key']
    if (typeof idempotencyKey !== 'string' || !idempotencyKey) return { status: 400, body: { error: 'Idempotency-Key header required' } }
    let body: unknown
    try {
      body = JSON.parse(rawBody)
    } catch {
      return { status: 400, body: { error: 'body must be JSON' } }
    }
    const duplicate = deliveriesByKey.has(idempotencyKey)
    const delivery = { department, idempotencyKey, body, duplicate }
    received.push(delivery)
    if (!duplicate) deliveriesByKey.set(idempotencyKey, delivery)
    options.onDelivery?.(delivery)
    return { status: duplicate ? 200 : 201, body: { accepted: true, duplicate } }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    readBody(request).then(
      (raw) => {
        const answer = accept(request, raw)
        response.writeHead(answer.status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(answer.body))
      },
      () => {
        response.writeHead(400).end()
      },
    )
  })
  const url = await listenLocally(server, options.port)

  return {
    url,
    received,
    deliveriesByKey,
    requestCount: () => requests,
    intakeUrls: () => Object.fromEntries(DEPARTMENTS.map((d) => [d, `${url}/intake/${d}`])) as Record<Department, string>,
    close: () => closeServer(server),
  }
}

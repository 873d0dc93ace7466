import { http, HttpResponse, type JsonBodyType } from 'msw'
import { server } from '../../mock/handlers/server'

type Method = 'get' | 'post' | 'put' | 'delete'
type Answer = JsonBodyType | Response | (() => Response)

const toResponse = (answer: Answer, status: number) =>
  answer instanceof Response ? answer.clone() : typeof answer === 'function' ? answer() : HttpResponse.json(answer as JsonBodyType, { status })

/** An API path (`/classes/:id`), or a pattern for the whole URL where a parameter would also match a sibling route. */
type Path = string | RegExp
const route = (path: Path) => (typeof path === 'string' ? `*/api${path}` : path)

/**
 * The BFF's answer to `method path` for this test: the answers in turn, the last one for every later request.
 * An answer is a JSON body, a Response (e.g. errorResponse(...)) or a function.
 */
export function answer(method: Method, path: Path, ...answers: Answer[]): void {
  let next = 0
  const status = method === 'post' ? 201 : 200
  server.use(
    http[method](route(path), () => {
      const current = answers[Math.min(next, answers.length - 1)]
      next += 1
      return toResponse(current, status)
    }),
  )
}

export type PageLike<T> = { items: T[]; total: number; hasMore: boolean }

/** A long list as the BFF pages it: page N of `items` for `?page=N&pageSize=…`; `extra` adds the contract's other fields. */
export function answerPages<T>(path: string, items: T[], extra: Record<string, unknown> = {}): void {
  server.use(
    http.get(`*/api${path}`, ({ request }) => {
      const params = new URL(request.url).searchParams
      const page = Number(params.get('page') ?? 1)
      const pageSize = Number(params.get('pageSize') ?? 20)
      const slice = items.slice((page - 1) * pageSize, page * pageSize)
      return HttpResponse.json({ items: slice, total: items.length, page, pageSize, hasMore: page * pageSize < items.length, ...extra })
    }),
  )
}

/** A request that never gets an answer (for what the app shows while it waits). */
export function neverAnswer(method: Method, path: string): void {
  server.use(http[method](`*/api${path}`, () => new Promise<Response>(() => undefined)))
}

/**
 * The BFF's answer worked out by the test from what was asked (e.g. the list it answers to one query and to
 * another): `respond` gets the query and the JSON body and returns an answer.
 */
export function answerWith(
  method: Method,
  path: string,
  respond: (asked: { query: URLSearchParams; body: unknown; params: Record<string, unknown> }) => Answer,
): void {
  const status = method === 'post' ? 201 : 200
  server.use(
    http[method](`*/api${path}`, async ({ request, params }) => {
      const text = method === 'get' || method === 'delete' ? '' : await request.text()
      return toResponse(respond({ query: new URL(request.url).searchParams, body: text ? (JSON.parse(text) as unknown) : undefined, params }), status)
    }),
  )
}

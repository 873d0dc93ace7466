import type { FastifyInstance } from 'fastify'

/** "GET /api/institutions/{id}" for every route, read from the indented tree printRoutes draws. */
export function registeredRoutes(instance: FastifyInstance): string[] {
  const stack: Array<{ depth: number; path: string }> = []
  const routes: string[] = []
  for (const line of instance.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([\s│]*)[└├]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line)
    if (!match) continue
    const depth = match[1].length
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop()
    const path = (stack.length ? stack[stack.length - 1].path : '') + match[2]
    stack.push({ depth, path })
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`)
    }
  }
  return routes
}

import type { ApiHost } from './api'

/** Layout is not computed here: every node measures as one screen-wide row at the top, and nothing ever intersects. */
export function selectorQuery(host: ApiHost) {
  const callbacks: ((value: unknown) => void)[] = []
  const measure = (cb?: (value: unknown) => void) => {
    callbacks.push(cb ?? (() => {}))
    return query
  }
  const node = {
    boundingClientRect: measure,
    scrollOffset: measure,
    fields: (_fields: unknown, cb?: (value: unknown) => void) => measure(cb),
    node: measure,
    context: measure,
  }
  const query = {
    in: () => query,
    select: () => node,
    selectAll: () => node,
    selectViewport: () => node,
    exec: (done?: (results: unknown[]) => void) =>
      setTimeout(() => {
        const results = callbacks.map(() => host.toApp({ width: 375, height: 100, top: 0, left: 0, right: 375, bottom: 100, scrollTop: 0, scrollHeight: 667 }))
        callbacks.forEach((cb, i) => cb(results[i]))
        done?.(host.toApp(results))
      }, 0),
  }
  return query
}

export function intersectionObserver() {
  const observer = { relativeTo: () => observer, relativeToViewport: () => observer, observe: () => {}, disconnect: () => {} }
  return observer
}

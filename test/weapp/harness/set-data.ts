/** WeChat warns about a single setData over 256 KB: it crosses the bridge to the render layer as one JSON string. */
export const SET_DATA_LIMIT_BYTES = 256 * 1024

type Container = Record<string | number, unknown>

/** `root.cn.[0].cn[2].v` → ['root', 'cn', 0, 'cn', 2, 'v'] (Taro writes `.[n]`, hand-written code `[n]`). */
export function parseDataPath(key: string): (string | number)[] {
  const parts: (string | number)[] = []
  for (const match of key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) parts.push(match[1] !== undefined ? Number(match[1]) : match[2])
  return parts
}

/**
 * Applies one setData payload as WeChat does: every key is a path into the page data, values arrive as JSON
 * (functions and undefined are dropped). Returns the payload's size in bytes.
 */
export function applySetData(data: Container, payload: Record<string, unknown>): number {
  const json = JSON.stringify(payload)
  const values = JSON.parse(json) as Record<string, unknown>
  for (const [key, value] of Object.entries(values)) {
    const parts = parseDataPath(key)
    let target: Container = data
    parts.slice(0, -1).forEach((part, index) => {
      if (target[part] === undefined || target[part] === null || typeof target[part] !== 'object') target[part] = typeof parts[index + 1] === 'number' ? [] : {}
      target = target[part] as Container
    })
    target[parts[parts.length - 1]] = value
  }
  return Buffer.byteLength(json)
}

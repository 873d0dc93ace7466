import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/**
 * Names WeChat's app service hands every file as undefined (its module wrapper shadows them), and browser or Node
 * globals it does not have at all. A build that reaches for one of them fails here as it would on a phone.
 */
const SHADOWED = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'fetch',
]
const ABSENT = [
  'FormData',
  'Blob',
  'File',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'crypto',
  'atob',
  'btoa',
  'structuredClone',
  'AbortController',
  'Event',
  'EventTarget',
  'Headers',
  'Request',
  'Response',
  'performance',
  'MessageChannel',
  'setImmediate',
  'queueMicrotask',
  'process',
  'Buffer',
  'global',
  'require',
]

export interface AppRealm {
  context: vm.Context
  /** Stops every timer the app started: what closing the mini-program does. */
  stopTimers(): void
  /** Timers of 50 ms or less the app is waiting on: work about to happen (React's scheduler, nextTick, render callbacks). */
  pendingShortTimers(): number
  /** Runs one file of the build (once), resolving `require` relative to it, as WeChat's module system does. */
  load(file: string): unknown
  /** A value made in the app's realm (its own Object and Array), so `instanceof` and prototype checks hold inside. */
  toApp<T>(value: T): T
}

/** The app service's globals: the language, timers, console, and what the caller adds (wx, App, Page, Component…). */
export function createRealm(root: string, globals: Record<string, unknown>): AppRealm {
  const timers = new Set<NodeJS.Timeout>()
  const shortTimers = new Set<NodeJS.Timeout>()
  const timerApi = {
    setTimeout: (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const handle = setTimeout(() => {
        timers.delete(handle)
        try {
          fn(...args)
        } finally {
          shortTimers.delete(handle)
        }
      }, ms)
      timers.add(handle)
      if ((ms ?? 0) <= 50) shortTimers.add(handle)
      return handle
    },
    setInterval: (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const handle = setInterval(fn, ms, ...args)
      timers.add(handle)
      return handle
    },
    clearTimeout: (handle: NodeJS.Timeout) => {
      timers.delete(handle)
      shortTimers.delete(handle)
      clearTimeout(handle)
    },
    clearInterval: (handle: NodeJS.Timeout) => {
      timers.delete(handle)
      clearInterval(handle)
    },
  }
  const context = vm.createContext({ console, ...timerApi, ...globals })
  for (const name of ABSENT) {
    if (vm.runInContext(`typeof ${name}`, context) !== 'undefined') throw new Error(`the app realm must not have ${name}`)
  }
  const parse = vm.runInContext('(text) => JSON.parse(text)', context) as (text: string) => unknown
  const modules = new Map<string, { exports: unknown }>()

  function load(file: string): unknown {
    const full = path.resolve(root, file.endsWith('.js') ? file : `${file}.js`)
    const cached = modules.get(full)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    modules.set(full, module)
    const code = fs.readFileSync(full, 'utf8')
    const wrapper = vm.runInContext(`(function (require, module, exports, ${SHADOWED.join(', ')}) {${code}\n})`, context, { filename: full }) as (
      ...args: unknown[]
    ) => void
    wrapper((request: string) => load(path.resolve(path.dirname(full), request)), module, module.exports)
    return module.exports
  }

  return {
    context,
    stopTimers: () => {
      timers.forEach((handle) => clearTimeout(handle))
      timers.clear()
      shortTimers.clear()
    },
    pendingShortTimers: () => shortTimers.size,
    load,
    toApp: <T>(value: T) => (value === undefined ? value : (parse(JSON.stringify(value)) as T)),
  }
}

/** The shape of a WeChat async API: options with success/fail/complete, or a Promise when none is given. */
export type Options = Record<string, unknown> & { success?: (result: unknown) => void; fail?: (error: unknown) => void; complete?: (result: unknown) => void }

export class WxError extends Error {
  constructor(
    readonly errMsg: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errMsg)
  }
}

export interface ApiHost {
  /** Makes results in the app's realm. */
  toApp<T>(value: T): T
  /** Called when an API callback throws: the app crashed in its own handler. */
  report(problem: string): void
  /** Every failed call, with WeChat's errMsg: what a developer would see in the console. */
  failed(errMsg: string): void
}

/**
 * Wraps an implementation as a WeChat API: `name:ok` results through success/complete, failures as
 * `{ errMsg: 'name:fail …' }` through fail/complete, always asynchronously, as WeChat answers.
 */
export function asyncApi(host: ApiHost, name: string, run: (options: Options) => Promise<Record<string, unknown>> | Record<string, unknown>) {
  return (options: Options = {}) => {
    const usesCallbacks = ['success', 'fail', 'complete'].some((key) => typeof options[key] === 'function')
    const outcome = (async () => run(options))().then(
      (result) => ({ ok: true as const, value: host.toApp({ errMsg: `${name}:ok`, ...result }) }),
      (error: unknown) => {
        if (!(error instanceof WxError)) host.report(`wx.${name} stand-in crashed: ${error instanceof Error ? error.stack : String(error)}`)
        const message = error instanceof WxError ? error.errMsg : `${name}:fail ${String(error)}`
        host.failed(message)
        return {
          ok: false as const,
          value: host.toApp({ errMsg: message.startsWith(`${name}:`) ? message : `${name}:fail ${message}`, ...(error instanceof WxError ? error.extra : {}) }),
        }
      },
    )
    const call = (fn: ((value: unknown) => void) | undefined, value: unknown) => {
      if (!fn) return
      try {
        fn(value)
      } catch (error) {
        host.report(`the app's ${name} callback threw: ${error instanceof Error ? error.stack : String(error)}`)
      }
    }
    if (!usesCallbacks) return outcome.then((result) => (result.ok ? result.value : Promise.reject(result.value)))
    void outcome.then((result) => {
      call(result.ok ? options.success : options.fail, result.value)
      call(options.complete, result.value)
    })
    return undefined
  }
}

export const fail = (name: string, reason: string, extra?: Record<string, unknown>) => new WxError(`${name}:fail ${reason}`, extra)

export interface PollLoop {
  /** Runs one round now (after the round in flight, if any); resolves with how many items it claimed. */
  runOnce(): Promise<number>
  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void>
}

/** Longest pause after failed rounds: the database back after a restart is noticed within this. */
export const MAX_FAILURE_PAUSE_MS = 30_000

/**
 * Calls `round` every `pollMs`, and again at once after a full batch (more may be waiting). Rounds never overlap: a
 * runOnce() called while the loop runs waits for it. A round that throws is reported and the loop goes on, pausing
 * twice as long after each failure in a row (up to MAX_FAILURE_PAUSE_MS, or pollMs if longer): while the database is
 * away, every instance does not knock at it every pollMs.
 */
export function startPollLoop(round: () => Promise<number>, options: { pollMs: number; batchSize: number; onError: (error: unknown) => void }): PollLoop {
  let running: Promise<unknown> = Promise.resolve()
  const runOnce = (): Promise<number> => {
    const next = running.then(round)
    running = next.catch(() => {})
    return next
  }

  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const schedule = (ms: number) => {
    if (stopped) return
    timer = setTimeout(tick, ms)
    timer.unref()
  }
  let failuresInARow = 0
  async function tick() {
    let claimed: number
    try {
      claimed = await runOnce()
    } catch (error) {
      failuresInARow += 1
      schedule(Math.min(options.pollMs * 2 ** Math.min(failuresInARow, 20), Math.max(MAX_FAILURE_PAUSE_MS, options.pollMs)))
      options.onError(error)
      return
    }
    failuresInARow = 0
    schedule(claimed >= options.batchSize ? 0 : options.pollMs)
  }
  schedule(options.pollMs)

  return {
    runOnce,
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

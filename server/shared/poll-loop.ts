export interface PollLoop {
  /** Runs one round now (after the round in flight, if any); resolves with how many items it claimed. */
  runOnce(): Promise<number>
  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void>
}

/**
 * Calls `round` every `pollMs`, and again at once after a full batch (more may be waiting). Rounds never overlap: a
 * runOnce() called while the loop runs waits for it. A round that throws is reported and the loop goes on.
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
  async function tick() {
    let claimed = 0
    try {
      claimed = await runOnce()
    } catch (error) {
      options.onError(error)
    }
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

import { MAX_FAILURE_PAUSE_MS, startPollLoop } from './poll-loop'

describe('startPollLoop', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  /** When each round ran, in ms since the loop started, while `failing` says whether it throws. */
  async function roundTimes(untilMs: number, failing: (n: number) => boolean) {
    const started = Date.now()
    const times: number[] = []
    const errors: unknown[] = []
    const loop = startPollLoop(
      async () => {
        times.push(Date.now() - started)
        if (failing(times.length)) throw new Error('Connection terminated unexpectedly')
        return 0
      },
      { pollMs: 1000, batchSize: 10, onError: (error) => errors.push(error) },
    )
    await jest.advanceTimersByTimeAsync(untilMs)
    await loop.stop()
    return { times, errors }
  }

  it('keeps polling through failures, pausing twice as long after each one in a row, up to a ceiling', async () => {
    const { times, errors } = await roundTimes(100_000, () => true)
    const pauses = times.slice(1).map((t, i) => t - times[i])
    expect(pauses.slice(0, 5)).toEqual([2000, 4000, 8000, 16000, MAX_FAILURE_PAUSE_MS])
    expect(Math.max(...pauses)).toBe(MAX_FAILURE_PAUSE_MS)
    expect(errors).toHaveLength(times.length)
  })

  it('goes back to its pace after a round succeeds', async () => {
    const { times } = await roundTimes(20_000, (n) => n <= 3)
    const pauses = times.slice(1).map((t, i) => t - times[i])
    expect(pauses.slice(0, 5)).toEqual([2000, 4000, 8000, 1000, 1000])
  })
})

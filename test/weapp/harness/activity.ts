/**
 * What the mini-program is busy with (requests in flight, renders not yet on screen, timers about to fire) and what
 * went wrong in it. A test acts only once it is idle, as a person acts on what the screen shows.
 */
export class Activity {
  readonly problems: string[] = []
  inFlight = 0
  /** setData calls whose render has not finished (their callback not yet called): nothing on them can be tapped yet. */
  pendingRenders = 0
  private last = Date.now()

  touch(): void {
    this.last = Date.now()
  }

  idleFor(ms: number, pendingTimers: number): boolean {
    return this.inFlight === 0 && this.pendingRenders === 0 && pendingTimers === 0 && Date.now() - this.last >= ms
  }

  /** Runs app code as WeChat does: an exception is the app's crash (reported), not the harness's. */
  guard<T>(where: string, run: () => T): T | undefined {
    try {
      const result = run()
      this.touch()
      return result
    } catch (error) {
      this.problems.push(`${where} threw: ${(error as Error)?.stack ?? String(error)}`)
      return undefined
    }
  }
}

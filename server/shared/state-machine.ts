import { conflict } from './http-errors'

/** A row's state as the caller saw it when deciding on a step: its status, and its version where the table keeps one. */
export interface SeenState<S extends string> {
  status: S
  version?: number
}

export interface StateMachineDefinition<S extends string, A extends string> {
  /** For each action: the statuses it may start from, and the status it moves to. */
  moves: Record<A, { from: readonly S[]; to: S }>
  /** The 409 message when `action` is not allowed from `current` (`allowed`: the statuses it is allowed from). */
  refusal: (refused: { action: A; current: S; allowed: readonly S[] }) => string
  /** The 409 message when someone else changed the row after the caller saw it. */
  changedMeanwhile: string
  /** What to throw when the row is gone by the time it is locked. */
  gone: () => Error
}

/** One step, written inside the caller's transaction: each callback runs on that transaction. */
export interface TransitionStep<S extends string, A extends string> {
  action: A
  seen: SeenState<S>
  /** Locks the row (SELECT … FOR UPDATE) and returns its state now; undefined when it is gone. */
  lock: () => Promise<SeenState<S> | undefined>
  /** Writes the new status and whatever changes with it. */
  update: (to: S) => Promise<void>
  /** Writes the history row of the step. */
  record: (from: S, to: S) => Promise<void>
}

export interface StateMachine<S extends string, A extends string> {
  moves: Record<A, { from: readonly S[]; to: S }>
  /** The status `action` moves to from `current`; 409 saying why when `current` does not allow it. */
  next(action: A, current: S): S
  /**
   * Moves a row from the state the caller saw. The row is locked first, so of two steps decided on the same state
   * exactly one applies: the other is refused (409) with the reason when the row's new status rules its action out,
   * otherwise asked to reload (a second change must not silently replace the first one). Returns the new status.
   */
  apply(step: TransitionStep<S, A>): Promise<S>
}

export function defineStateMachine<S extends string, A extends string>(definition: StateMachineDefinition<S, A>): StateMachine<S, A> {
  const next = (action: A, current: S): S => {
    const { from, to } = definition.moves[action]
    if (!from.includes(current)) throw conflict(definition.refusal({ action, current, allowed: from }))
    return to
  }
  return {
    moves: definition.moves,
    next,
    async apply(step) {
      next(step.action, step.seen.status)
      const now = await step.lock()
      if (!now) throw definition.gone()
      const to = next(step.action, now.status)
      if (now.status !== step.seen.status || now.version !== step.seen.version) throw conflict(definition.changedMeanwhile)
      await step.update(to)
      await step.record(now.status, to)
      return to
    },
  }
}

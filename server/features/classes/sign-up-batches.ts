import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { lockClasses, signUpBatch, type SignUpAttempt, type SignUpOutcome } from './seat-repository'
import { REMINDER_LEAD_MS, jobKind, messageKey } from './message-jobs'
import { findSignUpsWithClass, type SignUpWithClass } from './sign-up-repository'

/**
 * Sign-ups for the same class queue on its row lock, so each statement holding the lock costs every parent behind it a
 * commit; and each statement has a cost of its own (planning, the commit, on PGlite the main thread). Here the sign-ups
 * that arrive while this instance's sign-up statement runs go together in the next one (as a database groups commits):
 * the first parent waits for nothing, a crowd for a few statements. Arrival order is kept, and a batch holds one attempt
 * per parent and class (a second one waits for the next batch, and is refused there as a repeat).
 */
const MAX_BATCH = 200

/** What the caller explains a refused attempt with: the outcome (with the class as locked), and the instant it checked at. */
export interface Refusal {
  outcome: SignUpOutcome
  now: number
}

type Answer = { made: SignUpWithClass } | { refused: Refusal }

interface Pending {
  attempt: SignUpAttempt
  resolve: (answer: Answer) => void
  reject: (error: unknown) => void
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505'

const JOBS = {
  sign_up_confirmed: { kind: jobKind('sign_up_confirmed'), keyPrefix: messageKey('sign_up_confirmed', '') },
  reminder: { kind: jobKind('reminder'), keyPrefix: messageKey('reminder', '') },
}

/** Per database (tests run several apps in one process): the attempts waiting for the running statement. */
const queues = new WeakMap<Kysely<Database>, Pending[]>()

/** Signs the parent up (see signUpBatch) and reads the sign-up with its class after the commit; or says why not. */
export function signUpInBatch(db: Kysely<Database>, attempt: SignUpAttempt): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const pending = { attempt, resolve, reject }
    const waiting = queues.get(db)
    if (waiting) return void waiting.push(pending)
    queues.set(db, [])
    void drain(db, [pending])
  })
}

async function drain(db: Kysely<Database>, first: Pending[]) {
  let batch = first
  while (batch.length) {
    await run(db, batch)
    // Let the event loop read the requests that arrived meanwhile: PGlite answers within microtasks, and without this
    // pause the next batch would be taken before any of them was parsed.
    await new Promise((resolve) => setImmediate(resolve))
    batch = takeBatch(queues.get(db)!)
  }
  queues.delete(db)
}

/** Up to MAX_BATCH of the queued attempts in arrival order, one per parent and class; the rest stay queued. */
function takeBatch(queued: Pending[]): Pending[] {
  const taken: Pending[] = []
  const seen = new Set<string>()
  for (let i = 0; i < queued.length && taken.length < MAX_BATCH;) {
    const key = `${queued[i].attempt.classId}:${queued[i].attempt.userId}`
    if (seen.has(key)) {
      i += 1
      continue
    }
    seen.add(key)
    taken.push(...queued.splice(i, 1))
  }
  return taken
}

/** Settles every attempt of the batch; never throws. */
async function run(db: Kysely<Database>, batch: Pending[]): Promise<void> {
  const now = Date.now()
  try {
    const attempts = batch.map((p) => p.attempt)
    const outcomes = await db.transaction().execute(async (trx) => {
      await lockClasses(
        trx,
        attempts.map((a) => a.classId),
      )
      return signUpBatch(trx, { attempts, now, jobs: JOBS, reminderLeadMs: REMINDER_LEAD_MS })
    })
    const made = outcomes.flatMap((o) => (o.signUp ? [o.signUp.id] : []))
    const rows = new Map((await findSignUpsWithClass(db, made)).map((row) => [row.signUp.id, row]))
    batch.forEach((pending, i) => {
      const { signUp } = outcomes[i]
      pending.resolve(signUp ? { made: rows.get(signUp.id)! } : { refused: { outcome: outcomes[i], now } })
    })
  } catch (error) {
    // Two live sign-ups of one parent for a class at once on two instances: one by one, each gets its own answer.
    if (isUniqueViolation(error) && batch.length > 1) {
      for (const pending of batch) await run(db, [pending])
      return
    }
    for (const pending of batch) pending.reject(error)
  }
}

import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { startPollLoop, type PollLoop } from '../../../shared/poll-loop'
import { NearbyIndex } from './nearby-index'
import { loadSpatialLibraries, type SpatialLibraries } from './spatial-libraries'
import { institutionIdsAfter, loadInstitutions, pruneChanges, readChanges, type IndexedInstitution } from './snapshot-repository'

export interface NearbyIndexOptions {
  /**
   * How often the change log is read, in ms: a change made through any instance is answered within about this (plus
   * the time to reload what changed). 0: read before every search (tests: a write is seen by the next request).
   */
  refreshMs: number
  onError: (error: unknown) => void
}

export interface NearbyIndexKeeper {
  /** The index to answer from; null while it is not loaded or has not been refreshed lately (the SQL search answers then). */
  current(): Promise<NearbyIndex | null>
  /** For the health check: how many institutions are in memory, and when the log was last read (null: not loaded yet). */
  status(): { institutions: number; refreshedAt: string | null }
  stop(): Promise<void>
}

/** Institutions read per query in a full load, so other queries get the (single PGlite) connection in between. */
const LOAD_PAGE = 5000
/** More changed institutions than this in one round: a full load is as quick. */
const FULL_LOAD_ABOVE = 20_000
const PRUNE_EVERY_ROUNDS = 600

/** Loads the nearby index and keeps it current from the institution_changes log (see its migration). */
export function keepNearbyIndex(db: Kysely<Database>, options: NearbyIndexOptions): NearbyIndexKeeper {
  let institutions = new Map<string, IndexedInstitution>()
  let index: NearbyIndex | null = null
  let xmin = 0
  let seenLastRound = new Set<number>()
  let refreshedAt = 0
  let rounds = 0
  let libraries: SpatialLibraries | null = null

  async function loadAll(): Promise<void> {
    // The log position first: whatever commits while the pages are read is read again from the log next round.
    const start = await readChanges(db, Number.MAX_SAFE_INTEGER)
    const loaded = new Map<string, IndexedInstitution>()
    for (let after: string | null = null; ;) {
      const ids = await institutionIdsAfter(db, after, LOAD_PAGE)
      for (const item of await loadInstitutions(db, ids)) loaded.set(item.row.id, item)
      if (ids.length < LOAD_PAGE) break
      after = ids[ids.length - 1]
    }
    institutions = loaded
    xmin = start.xmin
    seenLastRound = new Set()
  }

  /** One look at the log; resolves with how many institutions were reloaded. */
  async function refresh(): Promise<number> {
    if (!index) {
      await loadAll()
    } else {
      const batch = await readChanges(db, xmin)
      const fresh = batch.changes.filter((c) => !seenLastRound.has(c.seq))
      seenLastRound = new Set(batch.changes.map((c) => c.seq))
      xmin = batch.xmin
      const ids = new Set(fresh.map((c) => c.institutionId))
      if (ids.has(null) || ids.size > FULL_LOAD_ABOVE) {
        await loadAll()
      } else if (ids.size) {
        const changed = [...ids] as string[]
        const reloaded = await loadInstitutions(db, changed)
        const next = new Map(institutions)
        for (const id of changed) next.delete(id)
        for (const item of reloaded) next.set(item.row.id, item)
        institutions = next
      } else {
        refreshedAt = Date.now()
        return 0
      }
    }
    libraries ??= await loadSpatialLibraries()
    index = NearbyIndex.build(institutions.values(), libraries)
    refreshedAt = Date.now()
    if (++rounds % PRUNE_EVERY_ROUNDS === 0) await pruneChanges(db)
    return institutions.size
  }

  const status = () => ({ institutions: index?.size ?? 0, refreshedAt: index ? new Date(refreshedAt).toISOString() : null })

  if (options.refreshMs === 0) {
    let running: Promise<unknown> = Promise.resolve()
    return {
      async current() {
        const round = running.then(refresh)
        running = round.catch(() => {})
        await round
        return index
      },
      status,
      stop: async () => {
        await running
      },
    }
  }

  const loop: PollLoop = startPollLoop(refresh, { pollMs: options.refreshMs, batchSize: Infinity, onError: options.onError })
  void loop.runOnce().catch(options.onError)
  // Past this without a successful look at the log, answers could be stale: the SQL search answers instead.
  const staleAfterMs = Math.max(5000, options.refreshMs * 5)
  return {
    current: async () => (index && Date.now() - refreshedAt <= staleAfterMs ? index : null),
    status,
    stop: () => loop.stop(),
  }
}

import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { onSessionChange } from './session'

/**
 * The one layer for data that lives on the BFF (the same ideas as TanStack Query's queryOptions/useQuery/
 * useInfiniteQuery, small enough for the mini-program's main package and needing nothing WeChat lacks).
 * - A query is a key and a fetch; every component using the same key shares one cache entry and one request.
 * - An answer is kept only when it answers the newest fetch of its entry: a slow answer to an older fetch, or to
 *   a page of a list that has been loaded again since, is dropped.
 * - A write calls `setQueryData` for what it knows and `invalidate` for what it changed; queries in use fetch
 *   again at once, the others when next used.
 * - Queries marked `account` hold what depends on who is signed in: they are dropped at every session change.
 * zustand stores keep client state only (filters, drafts, location, compare tray, favourites, session).
 */

export type QueryKey = readonly unknown[]
/** 'refresh' asks for the newest from scratch (pull-down); 'refetch' brings what is shown up to date. */
export type FetchMode = 'refresh' | 'refetch'

export type Query<T> = {
  key: QueryKey
  fetch: (current: T | undefined, mode: FetchMode) => Promise<T>
  /** How long an answer counts as fresh when a component mounts (ms). 0 (the default): fetch again on every mount. */
  staleTime?: number
  /** The answer depends on who is signed in: dropped when the session changes. */
  account?: boolean
}

/** Declares a query (TanStack's queryOptions): the same object for the hooks, fetchQuery and the writes' keys. */
export const query = <T>(definition: Query<T>): Query<T> => definition

export type QueryStatus = 'idle' | 'loading' | 'ready' | 'error'

export type QuerySnapshot<T> = {
  /** 'idle' before the first fetch (or while not enabled); 'error' when the latest fetch failed (data may remain). */
  status: QueryStatus
  data: T | undefined
  error: unknown
  fetching: boolean
  /** Paged lists: the next page is on its way, or failed. */
  loadingMore: boolean
  moreError: unknown
}

type Entry = {
  hash: string
  key: QueryKey
  snapshot: QuerySnapshot<unknown>
  /** Each listener with whether its component wants the data fetched (the hook's `enabled`). */
  listeners: Map<() => void, boolean>
  account: boolean
  query: Query<unknown> | null
  /** Bumped by every fetch that replaces the data: an answer whose number is not the latest is dropped. */
  generation: number
  inFlight: Promise<void> | null
  moreInFlight: Promise<void> | null
  updatedAt: number
  stale: boolean
  lastUsed: number
}

const idle: QuerySnapshot<unknown> = { status: 'idle', data: undefined, error: null, fetching: false, loadingMore: false, moreError: null }
/** Entries no component uses are forgotten, oldest first, beyond this many. */
const MAX_UNUSED_ENTRIES = 60

const cache = new Map<string, Entry>()
let uses = 0

/** Objects hash the same whatever their keys' order. */
export function hashKey(key: QueryKey): string {
  return JSON.stringify(key, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )
}

function entryOf(key: QueryKey): Entry {
  const hash = hashKey(key)
  let entry = cache.get(hash)
  if (!entry) {
    entry = {
      hash,
      key,
      snapshot: idle,
      listeners: new Map(),
      account: false,
      query: null,
      generation: 0,
      inFlight: null,
      moreInFlight: null,
      updatedAt: 0,
      stale: false,
      lastUsed: 0,
    }
    cache.set(hash, entry)
  }
  entry.lastUsed = uses += 1
  if (entry.snapshot === idle && entry.listeners.size === 0) forgetUnused()
  return entry
}

function remember(entry: Entry, query: Query<unknown>): void {
  entry.query = query
  entry.account = entry.account || Boolean(query.account)
}

function forgetUnused(): void {
  const unused = [...cache.values()].filter((entry) => entry.listeners.size === 0 && !entry.inFlight)
  if (unused.length <= MAX_UNUSED_ENTRIES) return
  unused.sort((a, b) => a.lastUsed - b.lastUsed)
  for (const entry of unused.slice(0, unused.length - MAX_UNUSED_ENTRIES)) cache.delete(entry.hash)
}

function publish(entry: Entry, patch: Partial<QuerySnapshot<unknown>>): void {
  entry.snapshot = { ...entry.snapshot, ...patch }
  entry.listeners.forEach((_, listener) => listener())
}

function isFresh(entry: Entry): boolean {
  const staleTime = entry.query?.staleTime ?? 0
  return entry.snapshot.status === 'ready' && !entry.stale && Date.now() - entry.updatedAt < staleTime
}

/** Replaces the entry's data with a new answer. Concurrent calls share the fetch unless `force` (a write happened). */
function run(entry: Entry, mode: FetchMode, force = false): Promise<void> {
  const query = entry.query
  if (!query) return Promise.resolve()
  if (entry.inFlight && !force) return entry.inFlight
  entry.generation += 1
  const generation = entry.generation
  const { status, data } = entry.snapshot
  entry.stale = false
  publish(entry, { status: status === 'ready' ? 'ready' : 'loading', fetching: true, moreError: null })
  const done = query.fetch(data, mode).then(
    (answer) => {
      if (generation !== entry.generation) return
      entry.updatedAt = Date.now()
      publish(entry, { status: 'ready', data: answer, error: null, fetching: false, loadingMore: false })
    },
    (error: unknown) => {
      if (generation !== entry.generation) return
      publish(entry, { status: 'error', error, fetching: false, loadingMore: false })
    },
  )
  const settled = done.finally(() => {
    if (entry.inFlight === settled) entry.inFlight = null
  })
  entry.inFlight = settled
  return settled
}

/**
 * Fetches unless the entry holds a fresh answer (or shares the fetch on its way); `force` after a write, so the answer
 * is newer than the write. Resolves to whatever the entry holds then.
 */
export async function fetchQuery<T>(query: Query<T>, { force = false } = {}): Promise<T | undefined> {
  const entry = entryOf(query.key)
  remember(entry, query as Query<unknown>)
  if (force || !isFresh(entry)) await run(entry, 'refetch', force)
  return entry.snapshot.data as T | undefined
}

export function getQueryData<T>(key: QueryKey): T | undefined {
  return cache.get(hashKey(key))?.snapshot.data as T | undefined
}

/** What a write already knows (the answer it got back): shown at once, without a round trip. */
export function setQueryData<T>(key: QueryKey, update: (current: T | undefined) => T | undefined): void {
  const entry = cache.get(hashKey(key)) ?? (update(undefined) === undefined ? null : entryOf(key))
  if (!entry) return
  const next = update(entry.snapshot.data as T | undefined)
  if (next === undefined) return
  if (entry.inFlight) {
    // A fetch that started before this write carries older data: its answer must not win, and the next use fetches again.
    entry.generation += 1
    entry.inFlight = null
    entry.stale = true
  }
  entry.updatedAt = Date.now()
  publish(entry, { status: 'ready', data: next, error: null, fetching: false })
}

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, index) => hashKey([part]) === hashKey([key[index]]))
const inUse = (entry: Entry) => [...entry.listeners.values()].some(Boolean)

/** After a write: every query under `prefix` is out of date. Those on screen fetch again now, the rest when next used. */
export function invalidate(prefix: QueryKey): void {
  for (const entry of cache.values()) {
    if (!startsWith(entry.key, prefix)) continue
    entry.stale = true
    if (inUse(entry)) void run(entry, 'refetch', true)
  }
}

function drop(entry: Entry): void {
  entry.generation += 1
  entry.inFlight = null
  entry.moreInFlight = null
  entry.stale = false
  entry.updatedAt = 0
  publish(entry, idle)
}

/** Forgets what a signed-in parent was shown; components still showing it fetch again if they may. */
export function dropAccountData(): void {
  for (const entry of cache.values()) if (entry.account) drop(entry)
}

/** Tests: every test starts with an empty cache. */
export function resetServerData(): void {
  cache.clear()
}

let stopSessionWatch: (() => void) | null = null

/** Account data goes at every session change (another parent may sign in on this device next). Called once from start.ts. */
export function startServerData(): () => void {
  if (stopSessionWatch) return stopSessionWatch
  const unsubscribe = onSessionChange(() => dropAccountData())
  stopSessionWatch = () => {
    unsubscribe()
    stopSessionWatch = null
  }
  return stopSessionWatch
}

export type QueryOptions = {
  /** false: use what is cached but fetch nothing (e.g. signed out, or no location yet). */
  enabled?: boolean
  /** Fetch again each time the page shows again (back from another page, or the tab chosen again). */
  refetchOnShow?: boolean
}

export type QueryResult<T> = QuerySnapshot<T> & {
  /** Brings the data up to date (the data stays on screen meanwhile); for retry buttons and pull-to-refresh. */
  refetch: () => Promise<void>
}

/** The data of one query, fetched when the component mounts (unless fresh) and kept in step with every write. */
export function useQuery<T>(query: Query<T>, { enabled = true, refetchOnShow = false }: QueryOptions = {}): QueryResult<T> {
  const entry = entryOf(query.key)
  remember(entry, query as Query<unknown>)
  const subscribe = useCallback(
    (listener: () => void) => {
      entry.listeners.set(listener, enabled)
      return () => {
        entry.listeners.delete(listener)
      }
    },
    [entry, enabled],
  )
  const snapshot = useSyncExternalStore(subscribe, () => entry.snapshot) as QuerySnapshot<T>

  useEffect(() => {
    if (enabled && !isFresh(entry)) void run(entry, 'refetch')
  }, [entry, enabled])
  // Dropped (a session change) while on screen.
  const dropped = snapshot.status === 'idle'
  useEffect(() => {
    if (enabled && dropped) void run(entry, 'refetch')
  }, [entry, enabled, dropped])

  const shown = useRef(false)
  useDidShow(() => {
    // The first show is the mount, fetched above.
    if (refetchOnShow && enabled && shown.current) void run(entry, 'refetch')
    shown.current = true
  })

  const refetch = useCallback(() => run(entry, 'refetch'), [entry])
  return { ...snapshot, refetch }
}

// ---- paged lists ----

/** What a page of any of the BFF's lists carries. */
export type PageOf<I> = { items: I[]; total: number; hasMore: boolean }
export type Pages<P> = { pages: P[] }

export type PagedQuery<I, P extends PageOf<I>> = Query<Pages<P>> & {
  fetchPage: (page: number) => Promise<P>
  /** Lists move while a parent reads them: an item already shown is not shown twice. */
  itemKey: (item: I) => string
}

/** A list the BFF serves page by page; the first page, or (to bring it up to date) every page already shown. */
export function pagedQuery<I, P extends PageOf<I>>(options: Omit<PagedQuery<I, P>, 'fetch'>): PagedQuery<I, P> {
  const fetchPages = async (count: number): Promise<Pages<P>> => {
    const pages: P[] = []
    for (let page = 1; page <= count; page += 1) {
      const answer = await options.fetchPage(page)
      pages.push(answer)
      if (!answer.hasMore) break
    }
    return { pages }
  }
  return { ...options, fetch: (current, mode) => fetchPages(mode === 'refetch' && current ? Math.max(1, current.pages.length) : 1) }
}

/** Loads the next page unless one is on its way or the list is being loaded again. */
function loadMore<I, P extends PageOf<I>>(entry: Entry, query: PagedQuery<I, P>): Promise<void> {
  const { status, data } = entry.snapshot as QuerySnapshot<Pages<P>>
  const last = data?.pages[data.pages.length - 1]
  if (status !== 'ready' || !data || !last?.hasMore || entry.moreInFlight || entry.inFlight) return entry.moreInFlight ?? Promise.resolve()
  const generation = entry.generation
  publish(entry, { loadingMore: true, moreError: null })
  const done = query.fetchPage(data.pages.length + 1).then(
    (page) => {
      if (generation !== entry.generation) return
      const current = entry.snapshot.data as Pages<P>
      publish(entry, { data: { pages: [...current.pages, page] }, loadingMore: false })
    },
    (error: unknown) => {
      if (generation !== entry.generation) return
      publish(entry, { loadingMore: false, moreError: error })
    },
  )
  const settled = done.finally(() => {
    if (entry.moreInFlight === settled) entry.moreInFlight = null
  })
  entry.moreInFlight = settled
  return settled
}

export type PagedListResult<I, P> = QueryResult<Pages<P>> & {
  items: I[]
  /** The newest page (for the total and whatever else the BFF says about the whole list). */
  lastPage: P | undefined
  hasMore: boolean
  loadMore: () => Promise<void>
  /** Pull-to-refresh: the first page again, the list shown meanwhile. */
  refresh: () => Promise<void>
  /** After an error: the page that failed (more), else the list. */
  retry: () => Promise<void>
}

export function usePagedList<I, P extends PageOf<I>>(query: PagedQuery<I, P>, options: QueryOptions = {}): PagedListResult<I, P> {
  const result = useQuery(query, options)
  const entry = entryOf(query.key)
  const pages = result.data?.pages
  const items = useMemo(() => {
    const seen = new Set<string>()
    return (pages ?? []).flatMap((page) =>
      page.items.filter((item) => {
        const key = query.itemKey(item)
        if (seen.has(key)) return false
        seen.add(key)
        return true
      }),
    )
    // itemKey is the same function for the same key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages])
  const lastPage = pages?.[pages.length - 1]
  const more = useCallback(() => loadMore(entry, query), [entry, query])
  const refresh = useCallback(() => run(entry, 'refresh', true), [entry])
  const retry = useCallback(() => (entry.snapshot.moreError ? loadMore(entry, query) : run(entry, 'refetch')), [entry, query])
  return { ...result, items, lastPage, hasMore: Boolean(lastPage?.hasMore), loadMore: more, refresh, retry }
}

import { act, renderHook, waitFor } from '@testing-library/react'
import { emitSessionChange } from './session'
import { fetchQuery, invalidate, pagedQuery, query, setQueryData, startServerData, useQuery, usePagedList, type PageOf } from './server-data'

/** A fetch the test answers (or fails) when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

/** A fetch function whose calls are answered by the test, in order. */
function controlled<T>() {
  const calls: Array<ReturnType<typeof deferred<T>>> = []
  const fetch = jest.fn(() => {
    const call = deferred<T>()
    calls.push(call)
    return call.promise
  })
  return { fetch, calls }
}

type Page = PageOf<{ id: string }> & { page: number }
const pageOf = (page: number, ids: string[], hasMore: boolean): Page => ({ items: ids.map((id) => ({ id })), total: 99, hasMore, page })

describe('one layer for server data', () => {
  it('shares one request between the components asking for the same data', async () => {
    const { fetch, calls } = controlled<string>()
    const greeting = query({ key: ['greeting'], fetch })
    const first = renderHook(() => useQuery(greeting))
    const second = renderHook(() => useQuery(greeting))
    expect(first.result.current.status).toBe('loading')

    await act(async () => calls[0].resolve('你好'))

    expect(fetch).toHaveBeenCalledTimes(1)
    expect(first.result.current.data).toBe('你好')
    expect(second.result.current.data).toBe('你好')
  })

  it('keeps only the newest answer: a slower, older one never replaces it', async () => {
    const { fetch, calls } = controlled<string>()
    const news = query({ key: ['news'], fetch })
    const { result } = renderHook(() => useQuery(news))
    await act(async () => calls[0].resolve('第一版'))

    // A refetch (e.g. after a write) while an earlier one is still on its way.
    act(() => void result.current.refetch())
    act(() => invalidate(['news']))
    await act(async () => calls[2].resolve('第三版'))
    await act(async () => calls[1].resolve('第二版（迟到）'))

    expect(result.current.data).toBe('第三版')
  })

  it('does not let a fetch started before a write undo what the write set', async () => {
    const { fetch, calls } = controlled<number>()
    const seats = query({ key: ['seats'], fetch })
    const { result } = renderHook(() => useQuery(seats))

    act(() => setQueryData<number>(['seats'], () => 2))
    await act(async () => calls[0].resolve(3))

    expect(result.current.data).toBe(2)
  })

  it('pages a list: more on request (once at a time), an error on the next page shown and retried, pull-down from the first page', async () => {
    const { fetch, calls } = controlled<Page>()
    const list = pagedQuery<{ id: string }, Page>({ key: ['list'], fetchPage: fetch, itemKey: (item) => item.id })
    const { result } = renderHook(() => usePagedList(list))
    await act(async () => calls[0].resolve(pageOf(1, ['a', 'b'], true)))
    expect(result.current.items.map((i) => i.id)).toEqual(['a', 'b'])

    act(() => void result.current.loadMore())
    act(() => void result.current.loadMore())
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(fetch).toHaveBeenLastCalledWith(2)
    await act(async () => calls[1].reject(new Error('offline')))
    expect(result.current.moreError).toBeTruthy()
    expect(result.current.status).toBe('ready')
    expect(result.current.items).toHaveLength(2)

    act(() => void result.current.retry())
    // The list moved on the server: 'b' is on page 2 too, and is shown once.
    await act(async () => calls[2].resolve(pageOf(2, ['b', 'c'], false)))
    expect(result.current.items.map((i) => i.id)).toEqual(['a', 'b', 'c'])
    expect(result.current.hasMore).toBe(false)

    act(() => void result.current.refresh())
    expect(fetch).toHaveBeenLastCalledWith(1)
    await act(async () => calls[3].resolve(pageOf(1, ['z'], false)))
    expect(result.current.items.map((i) => i.id)).toEqual(['z'])
  })

  it('drops the answer to a next page asked before the list was loaded again', async () => {
    const { fetch, calls } = controlled<Page>()
    const list = pagedQuery<{ id: string }, Page>({ key: ['list-2'], fetchPage: fetch, itemKey: (item) => item.id })
    const { result } = renderHook(() => usePagedList(list))
    await act(async () => calls[0].resolve(pageOf(1, ['a'], true)))

    act(() => void result.current.loadMore())
    act(() => void result.current.refresh())
    await act(async () => calls[2].resolve(pageOf(1, ['new'], true)))
    await act(async () => calls[1].resolve(pageOf(2, ['old'], false)))

    expect(result.current.items.map((i) => i.id)).toEqual(['new'])
  })

  it('after a write, a list on screen fetches again (every page shown), one not on screen when it is next used', async () => {
    let version = 1
    const shown = pagedQuery<{ id: string }, Page>({
      key: ['classes', 'search'],
      fetchPage: async (page) => pageOf(page, [`v${version}-p${page}`], page < 2),
      itemKey: (item) => item.id,
    })
    const elsewhere = query({ key: ['classes', 'mine'], fetch: jest.fn(async () => `mine v${version}`) })
    await fetchQuery(elsewhere)
    const { result } = renderHook(() => usePagedList(shown))
    await waitFor(() => expect(result.current.items).toHaveLength(1))
    await act(() => result.current.loadMore())

    version = 2
    act(() => invalidate(['classes']))

    await waitFor(() => expect(result.current.items.map((i) => i.id)).toEqual(['v2-p1', 'v2-p2']))
    expect(elsewhere.fetch).toHaveBeenCalledTimes(1)
    const later = renderHook(() => useQuery(elsewhere))
    await waitFor(() => expect(later.result.current.data).toBe('mine v2'))
  })

  it('forgets account data at a session change and fetches it again for whoever is signed in now', async () => {
    startServerData()
    let who = '家长甲'
    const me = query({ key: ['me'], fetch: async () => who, account: true })
    const policy = query({ key: ['policy'], fetch: jest.fn(async () => '隐私政策') })
    const { result } = renderHook(() => useQuery(me))
    renderHook(() => useQuery(policy))
    await waitFor(() => expect(result.current.data).toBe('家长甲'))

    who = '家长乙'
    act(() => emitSessionChange({ type: 'signedIn', restored: false }))

    expect(result.current.data).toBeUndefined()
    await waitFor(() => expect(result.current.data).toBe('家长乙'))
    expect(policy.fetch).toHaveBeenCalledTimes(1)
  })

  it('fetches nothing while not enabled (signed out, or no location yet)', () => {
    const fetch = jest.fn(async () => 'x')
    const { result } = renderHook(() => useQuery(query({ key: ['off'], fetch }), { enabled: false }))
    expect(result.current.status).toBe('idle')
    expect(fetch).not.toHaveBeenCalled()
  })
})

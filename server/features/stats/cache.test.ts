import { cachedAnswer, matchesEtag } from './cache'

function counter() {
  let calls = 0
  let fail = false
  return {
    compute: async () => {
      calls += 1
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (fail) throw new Error('database down')
      return { calls }
    },
    calls: () => calls,
    failNext: (value: boolean) => {
      fail = value
    },
  }
}

describe('cachedAnswer', () => {
  it('computes once for requests that arrive together, and again only after the cache time', async () => {
    let now = 1_000_000
    const source = counter()
    const get = cachedAnswer(source.compute, 300, () => now)
    const together = await Promise.all([get(), get(), get()])
    expect(source.calls()).toBe(1)
    expect(new Set(together.map((a) => a.etag)).size).toBe(1)
    expect(together[0].expiresAt).toBe(now + 300_000)

    now += 299_999
    expect((await get()).value).toEqual({ calls: 1 })
    now += 1
    const renewed = await get()
    expect(renewed.value).toEqual({ calls: 2 })
    expect(renewed.etag).not.toBe(together[0].etag)
  })

  it('keeps no failed answer: the next request tries again', async () => {
    const source = counter()
    const get = cachedAnswer(source.compute, 300)
    source.failNext(true)
    await expect(get()).rejects.toThrow('database down')
    source.failNext(false)
    expect((await get()).value).toEqual({ calls: 2 })
  })

  it('with 0 seconds computes every request', async () => {
    const source = counter()
    const get = cachedAnswer(source.compute, 0)
    await get()
    await get()
    expect(source.calls()).toBe(2)
  })
})

describe('matchesEtag', () => {
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
  ])('If-None-Match %s → %s', (header, expected) => {
    expect(matchesEtag(header, '"abc"')).toBe(expected)
  })
})

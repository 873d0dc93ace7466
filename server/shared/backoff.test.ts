import { backoffSeconds } from './backoff'

describe('backoffSeconds', () => {
  const policy = { baseSeconds: 5, maxSeconds: 3600 }

  it('doubles with each failure, starting at the base', () => {
    const noJitter = () => 1
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, policy, noJitter))).toEqual([5, 10, 20, 40])
  })

  it('never exceeds the cap, however many failures', () => {
    expect(backoffSeconds(12, policy, () => 1)).toBe(3600)
    expect(backoffSeconds(10_000, policy, () => 1)).toBe(3600)
  })

  it('shortens each pause by at most a quarter at random, so it still grows', () => {
    expect(backoffSeconds(1, policy, () => 0)).toBe(3.75)
    for (let n = 1; n < 9; n += 1) {
      expect(backoffSeconds(n + 1, policy, () => 0)).toBeGreaterThan(backoffSeconds(n, policy, () => 1))
    }
  })
})

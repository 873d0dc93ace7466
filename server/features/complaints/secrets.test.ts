import { TRACKING_NUMBER_PATTERN } from '../../../types/complaints'
import { complaintSecret, hashSecret, newTrackingNumber, secretMatches } from './secrets'

describe('newTrackingNumber', () => {
  it('is TS, the China date and six unambiguous characters', () => {
    const numbers = Array.from({ length: 500 }, () => newTrackingNumber(new Date('2026-11-28T17:00:00Z')))
    for (const n of numbers) {
      expect(n).toMatch(new RegExp(TRACKING_NUMBER_PATTERN))
      expect(n.startsWith('TS20261129')).toBe(true)
      expect(n.slice(10)).not.toMatch(/[IO01L]/)
    }
    expect(new Set(numbers).size).toBeGreaterThan(495)
  })
})

describe('complaintSecret', () => {
  const key = '0b7f3c8e-6d2a-4c1b-9e5f-1a2b3c4d5e6f'
  it('is the same for the same key (a retry gets it back) and differs between keys and servers', () => {
    expect(complaintSecret('server-a', key)).toBe(complaintSecret('server-a', key.toUpperCase()))
    expect(complaintSecret('server-a', key)).not.toBe(complaintSecret('server-b', key))
    expect(complaintSecret('server-a', key)).not.toBe(complaintSecret('server-a', '1b7f3c8e-6d2a-4c1b-9e5f-1a2b3c4d5e6f'))
  })

  it('is 16 readable characters in groups of four', () => {
    expect(complaintSecret('server-a', key)).toMatch(/^([A-HJ-NP-Z2-9]{4}-){3}[A-HJ-NP-Z2-9]{4}$/)
  })

  it('matches its hash however the reporter types it, and nothing else', () => {
    const secret = complaintSecret('server-a', key)
    const stored = hashSecret(secret)
    expect(stored).not.toContain(secret)
    expect(secretMatches(secret, stored)).toBe(true)
    expect(secretMatches(secret.toLowerCase().replace(/-/g, ' '), stored)).toBe(true)
    expect(secretMatches(secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'), stored)).toBe(false)
    expect(secretMatches('', stored)).toBe(false)
  })
})

import Taro from '@tarojs/taro'
import { isWeapp } from '../../utils/platform'

/**
 * A fresh UUID v4 for a complaint draft's Idempotency-Key: created once per draft, kept with it, sent on every
 * (re)try so that the BFF never files the same complaint twice.
 *
 * Sources, best first:
 * 1. `crypto.randomUUID()` (H5 in a secure context, jest);
 * 2. `crypto.getRandomValues()` (H5 over plain http);
 * 3. `Taro.getRandomValues()` (WeChat base library 2.?+: a cryptographically secure source in the mini-program);
 * 4. only if none of these exists (a very old WeChat client): a composite of the time, a per-launch counter
 *    and Math.random. Not secure randomness, but the key is no secret — it only has to be unique per draft,
 *    and the time + counter part makes a collision on one device impossible.
 */
export async function newIdempotencyKey(): Promise<string> {
  const webCrypto = typeof globalThis.crypto === 'object' ? globalThis.crypto : undefined
  if (!isWeapp() && typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID()
  if (!isWeapp() && typeof webCrypto?.getRandomValues === 'function') return formatV4(webCrypto.getRandomValues(new Uint8Array(16)))
  if (typeof Taro.getRandomValues === 'function') {
    try {
      const { randomValues } = await Taro.getRandomValues({ length: 16 })
      return formatV4(new Uint8Array(randomValues))
    } catch {
      // fall through to the composite
    }
  }
  return formatV4(compositeBytes())
}

let counter = 0

function compositeBytes(): Uint8Array {
  counter += 1
  const bytes = new Uint8Array(16)
  let time = Date.now()
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256
    time = Math.floor(time / 256)
  }
  for (let i = 6; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256)
  // bytes 6 and 8 lose bits to the version and variant: the counter goes into 9 and 10.
  bytes[9] = (counter >> 8) & 0xff
  bytes[10] = counter & 0xff
  return bytes
}

function formatV4(input: Uint8Array): string {
  const bytes = Uint8Array.from(input)
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

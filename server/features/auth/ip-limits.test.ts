import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { IP_LIMITS } from '../../shared/ip-limits'
import { nextIp, redisAnswers, TEST_REDIS_URL } from './test-helpers'
import { buildTestApp, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()

let phoneSerial = 0
const newPhone = () => `136${String(process.pid % 1e4).padStart(4, '0')}${String(++phoneSerial).padStart(4, '0')}`
const requestCode = (target: FastifyInstance, ip: string) =>
  target.inject({ method: 'POST', url: '/api/auth/phone/code', payload: { phone: newPhone() }, remoteAddress: ip })

describe('per-IP limits (in memory)', () => {
  it(`answers 429 with retry-after after ${IP_LIMITS.codeRequests.max} code requests an hour from one IP, whatever the phones`, async () => {
    const ip = nextIp()
    for (let i = 0; i < IP_LIMITS.codeRequests.max; i += 1) expect((await requestCode(app, ip)).statusCode).toBe(200)
    const over = await requestCode(app, ip)
    expect(over.statusCode).toBe(429)
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(3500)
    expect(over.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'rate_limited',
      message: expect.stringMatching(/请求过于频繁/),
      detail: expect.any(String),
    })
    expect((await requestCode(app, nextIp())).statusCode).toBe(200) // another IP is not affected
  })

  it(`answers 429 after ${IP_LIMITS.signIns.max} sign-in attempts in 15 minutes from one IP`, async () => {
    const ip = nextIp()
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone: newPhone(), code: '123456' }, remoteAddress: ip })
    for (let i = 0; i < IP_LIMITS.signIns.max; i += 1) expect((await attempt()).statusCode).toBe(401)
    const over = await attempt()
    expect(over.statusCode).toBe(429)
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
  })
})

describe('per-IP limits when Redis fails', () => {
  it('lets requests through instead of failing sign-in (the per-phone limits still hold)', async () => {
    const deadRedis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null })
    const instance = (await buildTestApp(testDb, { redis: deadRedis })).app
    try {
      expect((await requestCode(instance, nextIp())).statusCode).toBe(200)
    } finally {
      await instance.close()
      deadRedis.disconnect()
    }
  })
})

const redisIsUp = redisAnswers()
const itWithRedis = redisIsUp ? it : it.skip

describe(`per-IP limits shared through Redis at ${TEST_REDIS_URL}`, () => {
  itWithRedis(redisIsUp ? 'two instances sharing one Redis share the counters' : 'SKIPPED: no Redis answers, shared counters not tested', async () => {
    // A key prefix of its own, so parallel or earlier runs never see these counters (they expire with their window).
    const keyPrefix = `test-${randomBytes(6).toString('hex')}:`
    const redisA = new Redis(TEST_REDIS_URL, { keyPrefix, maxRetriesPerRequest: 1 })
    const redisB = new Redis(TEST_REDIS_URL, { keyPrefix, maxRetriesPerRequest: 1 })
    const instanceA = (await buildTestApp(testDb, { redis: redisA })).app
    const instanceB = (await buildTestApp(testDb, { redis: redisB })).app
    try {
      const ip = nextIp()
      for (let i = 0; i < IP_LIMITS.codeRequests.max; i += 1) expect((await requestCode(instanceA, ip)).statusCode).toBe(200)
      const over = await requestCode(instanceB, ip)
      expect(over.statusCode).toBe(429)
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
      expect(over.json().message).toMatch(/请求过于频繁/)
    } finally {
      await instanceA.close()
      await instanceB.close()
      redisA.disconnect()
      redisB.disconnect()
    }
  })
})

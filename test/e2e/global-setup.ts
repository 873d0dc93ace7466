import { ensureH5Build } from '../../scripts/taro-build'
import { startBff } from '../support/bff-process'

const REGULATOR_PHONE = '13900000009'

/** Builds the H5 app if stale and starts the real BFF on a fresh embedded database with the demo data. */
export default async function globalSetup() {
  ensureH5Build()
  // Behind a proxy, as in production: each test's phone comes from its own address (openPhone), so the per-network
  // limits on sign-in codes count each parent, not the whole suite from 127.0.0.1.
  const bff = await startBff({ name: 'e2e', regulatorPhone: REGULATOR_PHONE, regulatorRegion: '220100', env: { TRUST_PROXY: 'true' } })
  ;(globalThis as Record<string, unknown>).__E2E__ = bff
  process.env.E2E_BASE_URL = bff.url
  process.env.E2E_BFF_LOG = bff.logFile
  process.env.E2E_REGULATOR_PHONE = REGULATOR_PHONE
}

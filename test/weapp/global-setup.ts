import path from 'node:path'
import { ensureBuild, WEAPP_TEST_BUILD } from '../../scripts/taro-build'
import { bffClient } from '../support/bff-client'
import { startBff } from '../support/bff-process'

const REGULATOR_PHONE = '13900000019'

/** Builds the production weapp app if stale and starts the real BFF (stand-in WeChat, demo data) for it to talk to. */
export default async function globalSetup() {
  // The phone is in Jilin: the app's clock reads China time, as the browser tests' pages do (the tests run in this process).
  process.env.TZ = 'Asia/Shanghai'
  ensureBuild(WEAPP_TEST_BUILD)
  // Access tokens outlive the run: the regulator signs in once (codes can be asked for once a minute).
  const bff = await startBff({ name: 'weapp', regulatorPhone: REGULATOR_PHONE, regulatorRegion: '220100', env: { ACCESS_TOKEN_SECONDS: '7200' } })
  process.env.WEAPP_REGULATOR_TOKEN = await bffClient(bff.url, bff.logFile).signInByApi(REGULATOR_PHONE)
  ;(globalThis as Record<string, unknown>).__WEAPP__ = bff
  process.env.WEAPP_BFF_URL = bff.url
  process.env.WEAPP_BFF_LOG = bff.logFile
  process.env.WEAPP_BUILD_DIR = path.resolve(__dirname, '../..', WEAPP_TEST_BUILD.outDir)
  process.env.WEAPP_API_BASE = WEAPP_TEST_BUILD.env!.TARO_APP_API_BASE
}

import path from 'node:path'
import { h5Size, kb, MAIN_PACKAGE_BUDGET, weappSizes } from '../scripts/bundle-sizes'
import { ensureBuild, ensureH5Build, WEAPP_TEST_BUILD } from '../scripts/taro-build'
import { benchNearby } from './nearby'
import { benchSignUps } from './sign-ups'
import { benchH5 } from './h5'
import { benchColdStart } from './cold-start'

/**
 * npm run bench — nearby search (bench/nearby.ts), class sign-ups (bench/sign-ups.ts), the H5 first screen
 * (bench/h5.ts), cold start (bench/cold-start.ts), then bundle sizes; each part prints its figures beside the goals of
 * issue 13. DATABASE_URL benches PostgreSQL where a part can (nearby on it instead of PGlite, sign-ups on both).
 */
const ROOT = path.resolve(__dirname, '..')

function bundleSizes() {
  ensureH5Build()
  ensureBuild(WEAPP_TEST_BUILD)
  const weapp = weappSizes(path.join(ROOT, WEAPP_TEST_BUILD.outDir))
  const h5 = h5Size()
  console.log(
    `weapp main package ${kb(weapp.main)} of ${kb(MAIN_PACKAGE_BUDGET)} budget; subpackages ${
      Object.entries(weapp.subpackages)
        .map(([r, s]) => `${r} ${kb(s)}`)
        .join(', ') || 'none'
    }; total ${kb(weapp.total)}`,
  )
  console.log(`h5 build ${kb(h5.total)} in all, ${kb(h5.js)} of JavaScript`)
}

async function main() {
  await benchNearby()
  await benchSignUps()
  await benchH5()
  await benchColdStart()
  bundleSizes()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

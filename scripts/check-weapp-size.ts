import path from 'node:path'
import { kb, MAIN_PACKAGE_BUDGET, weappSizes } from './bundle-sizes'

// Fails (exit 1) when the weapp main package passes its budget: keep pages other than the home list in subpackages.
// The build folder is dist/weapp unless given (npm run check:weapp-size -- dist/other).
const sizes = weappSizes(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
console.log(`weapp main package: ${kb(sizes.main)} (budget ${kb(MAIN_PACKAGE_BUDGET)})`)
for (const [root, size] of Object.entries(sizes.subpackages)) console.log(`weapp subpackage ${root}: ${kb(size)}`)
console.log(`weapp total: ${kb(sizes.total)}`)
if (sizes.main > MAIN_PACKAGE_BUDGET) {
  console.error(`主包超出预算 (main package over budget by ${kb(sizes.main - MAIN_PACKAGE_BUDGET)})`)
  process.exit(1)
}

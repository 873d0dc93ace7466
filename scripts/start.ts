import { ensureServerBuild } from './build-server'
import { ensureH5Build } from './taro-build'

// `npm start` runs this first (prestart): build the H5 app and compile the BFF when missing or older than their
// sources. Then `node dist/server/main.js` runs the BFF, which serves the app at '/' and the API under /api.
ensureH5Build()
ensureServerBuild().catch((error) => {
  console.error(error)
  process.exit(1)
})

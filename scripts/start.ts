import { ensureH5Build } from './h5-build'

// `npm start`: build the H5 app if needed, then run the BFF, which serves it at '/' and the API under /api.
ensureH5Build()
require('../server/main')

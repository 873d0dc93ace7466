import { ensureH5Build } from './taro-build'

// `npm start`: build the H5 app if needed, then run the BFF, which serves it at '/' and the API under /api.
ensureH5Build()
require('../server/main')

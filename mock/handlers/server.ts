import { setupServer } from 'msw/node'
import { handlers } from '.'

/** One msw server per jest test file (started in test/setup-app.ts); tests add overrides with `server.use(...)`. */
export const server = setupServer(...handlers)

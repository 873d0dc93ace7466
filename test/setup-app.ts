import { cleanup } from '@testing-library/react'
import type { StateCreator } from 'zustand'
import { server } from '../mock/handlers/server'
import { resetServerData } from '../src/services/server-data'
import { resetTaroStub } from './stubs/taro'

/**
 * zustand stores are module singletons: wrap `create` so every store made in a test file is
 * put back to its initial state after each test (the pattern from zustand's testing guide).
 */
const mockStoreResets = new Set<() => void>()

jest.mock('zustand', () => {
  const actual = jest.requireActual<typeof import('zustand')>('zustand')
  const track = <T>(creator: StateCreator<T>) => {
    const store = actual.create<T>()(creator)
    const initial = store.getState()
    mockStoreResets.add(() => store.setState(initial, true))
    return store
  }
  // Both forms: create(creator) and create<T>()(creator).
  const create = <T>(creator?: StateCreator<T>) => (creator ? track(creator) : track)
  return { ...actual, create }
})

/**
 * A failed request must never leave an unhandled rejection. jest-circus fails whatever test or hook is running when
 * Node reports one; this makes that the test that left it: each test's requests are answered, and what the app does
 * with the answers has run, before the test ends (and before the file ends, for its last test).
 */
const inFlight = new Set<string>()
server.events.on('request:start', ({ requestId }) => void inFlight.add(requestId))
server.events.on('request:end', ({ requestId }) => void inFlight.delete(requestId))
server.events.on('unhandledException', ({ requestId }) => void inFlight.delete(requestId))

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

async function settle(): Promise<void> {
  jest.useRealTimers()
  // A handler that never answers (a loading state under test) is not waited for beyond a second.
  for (let waited = 0; inFlight.size > 0 && waited < 1000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5))
  inFlight.clear()
  // Axios's chain, the store's handling and Node's unhandledRejection report each take a turn.
  for (let i = 0; i < 3; i += 1) await tick()
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))

afterEach(async () => {
  await settle()
  cleanup()
  server.resetHandlers()
  mockStoreResets.forEach((reset) => reset())
  resetServerData()
  resetTaroStub()
})

afterAll(async () => {
  await settle()
  server.close()
})

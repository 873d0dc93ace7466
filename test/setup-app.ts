import { cleanup } from '@testing-library/react'
import type { StateCreator } from 'zustand'
import { accountMock } from '../mock/handlers/account'
import { complaintsMock } from '../mock/handlers/complaints'
import { noticesMock } from '../mock/handlers/notices'
import { classesMock } from '../mock/handlers/classes'
import { guidanceMock } from '../mock/handlers/guidance'
import { server } from '../mock/handlers/server'
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

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))

afterEach(() => {
  cleanup()
  server.resetHandlers()
  mockStoreResets.forEach((reset) => reset())
  resetTaroStub()
  accountMock.reset()
  complaintsMock.reset()
  noticesMock.reset()
  classesMock.reset()
  guidanceMock.reset()
})

afterAll(() => server.close())

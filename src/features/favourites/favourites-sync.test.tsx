import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { accountMock, MOCK_PHONE_CODE } from '../../../mock/handlers/account'
import { toSummary } from '../../../mock/handlers/search'
import { recordRequests } from '../../../test/support/app-session'
import { useAuthStore } from '../auth/store'
import { startApp } from '../../start'
import { FavouriteButton } from './components/favourite-button'
import { FavouriteList } from './components/favourite-list'
import { useFavouritesStore } from './store'

// Crosses features on purpose: this is the start-up wiring (src/start.ts) seen from the parent's side.
const here = toSummary(institutionFixtures[1])
const elsewhere = institutionFixtures[4]
const PHONE = '13900001111'

async function signInByPhone() {
  const auth = useAuthStore.getState()
  await auth.requestCode(PHONE)
  await auth.signInWithPhone(PHONE, MOCK_PHONE_CODE)
}

const savedIds = () => useFavouritesStore.getState().favourites.map((f) => f.institution.id)

describe('favourites synced to the account', () => {
  beforeEach(() => startApp())

  it('stays on the device while signed out, merges into the account at sign-in and brings back favourites saved elsewhere', async () => {
    const { user } = accountMock.signUp({ phone: PHONE })
    user.favourites = [elsewhere.id]
    const requests = recordRequests()
    render(<FavouriteList />)

    act(() => useFavouritesStore.getState().toggle(here))
    expect(requests).toEqual([])

    await act(() => signInByPhone())

    expect(await screen.findByText(elsewhere.name)).toBeTruthy()
    expect(screen.getByText(here.name)).toBeTruthy()
    const merge = requests.find((r) => r.path === '/me/favourites/merge')
    expect(merge?.body).toEqual({ institutionIds: [here.id] })
    expect(new Set(accountMock.user(user.id)?.favourites)).toEqual(new Set([here.id, elsewhere.id]))
    expect(savedIds()).toEqual([here.id, elsewhere.id])
  })

  it('when signed in, each toggle is mirrored to the account (PUT / DELETE)', async () => {
    const { user } = accountMock.signUp({ phone: PHONE })
    await signInByPhone()
    const requests = recordRequests()
    render(<FavouriteButton institution={here} />)

    fireEvent.click(screen.getByText(/收藏$/))
    await waitFor(() => expect(accountMock.user(user.id)?.favourites).toEqual([here.id]))
    fireEvent.click(screen.getByText(/已收藏/))
    await waitFor(() => expect(accountMock.user(user.id)?.favourites).toEqual([]))

    expect(requests.filter((r) => r.path.startsWith('/me/favourites/5f')).map((r) => r.method)).toEqual(['PUT', 'DELETE'])
  })

  it('forgets the account favourites on this device at sign-out', async () => {
    await signInByPhone()
    useFavouritesStore.getState().toggle(here)
    await useAuthStore.getState().signOut()
    expect(savedIds()).toEqual([])
  })
})

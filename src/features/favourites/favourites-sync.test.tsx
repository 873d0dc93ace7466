import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { institutionFixtures, toSummary } from '../../../mock/fixtures/app'
import { answer } from '../../../test/support/answers'
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
  // The parent ticks 我已阅读并同意《隐私政策》 first, as the sign-in screen requires.
  auth.setPolicyAgreed(true)
  await auth.requestCode(PHONE)
  await auth.signInWithPhone(PHONE, '246810')
}

const savedIds = () => useFavouritesStore.getState().favourites.map((f) => f.institution.id)

describe('favourites synced to the account', () => {
  beforeEach(() => startApp())

  it('stays on the device while signed out, merges into the account at sign-in and brings back favourites saved elsewhere', async () => {
    // The account already holds one saved on another phone: the merge answers both, and the app fetches that card.
    answer('post', '/me/favourites/merge', { institutionIds: [here.id, elsewhere.id] })
    answer('get', '/institutions/:id', elsewhere)
    const requests = recordRequests()
    render(<FavouriteList />)

    act(() => useFavouritesStore.getState().toggle(here))
    expect(requests).toEqual([])

    await act(() => signInByPhone())

    expect(await screen.findByText(elsewhere.name)).toBeTruthy()
    expect(screen.getByText(here.name)).toBeTruthy()
    const merge = requests.find((r) => r.path === '/me/favourites/merge')
    expect(merge?.body).toEqual({ institutionIds: [here.id] })
    expect(requests.filter((r) => r.path.startsWith('/institutions/')).map((r) => r.path)).toEqual([`/institutions/${elsewhere.id}`])
    expect(savedIds()).toEqual([here.id, elsewhere.id])
  })

  it('when signed in, each toggle is mirrored to the account (PUT / DELETE)', async () => {
    const requests = recordRequests()
    await signInByPhone()
    // The merge at sign-in is done (the account holds nothing yet).
    await waitFor(() => expect(requests.find((r) => r.path === '/me/favourites/merge')?.answered).toBe(true))
    await act(async () => undefined)
    render(<FavouriteButton institution={here} />)
    const mirrored = () => requests.filter((r) => r.path === `/me/favourites/${here.id}`).map((r) => r.method)

    fireEvent.click(screen.getByText(/收藏$/))
    await waitFor(() => expect(mirrored()).toEqual(['PUT']))
    fireEvent.click(screen.getByText(/已收藏/))
    await waitFor(() => expect(mirrored()).toEqual(['PUT', 'DELETE']))
  })

  it('forgets the account favourites on this device at sign-out', async () => {
    await signInByPhone()
    useFavouritesStore.getState().toggle(here)
    await useAuthStore.getState().signOut()
    expect(savedIds()).toEqual([])
  })
})

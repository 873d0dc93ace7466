import { fireEvent, render, screen } from '@testing-library/react'
import { institutionFixtures, toSummary } from '../../../mock/fixtures/app'
import { storage } from '../../../test/stubs/taro'
import { FavouriteButton } from './components/favourite-button'
import { FavouriteList } from './components/favourite-list'
import { useFavouritesStore } from './store'

const institution = { ...toSummary(institutionFixtures[1]), distanceKm: 1.6 }

describe('favourites', () => {
  it('toggles from the button and shows the saved institution in the list', () => {
    render(
      <>
        <FavouriteButton institution={institution} />
        <FavouriteList />
      </>,
    )
    expect(screen.getByText('还没有收藏的机构')).toBeTruthy()

    fireEvent.click(screen.getByText(/收藏$/))

    expect(screen.getByText(/已收藏/)).toBeTruthy()
    expect(screen.getByText(institution.name)).toBeTruthy()
    fireEvent.click(screen.getByText('取消收藏'))
    expect(screen.getByText('还没有收藏的机构')).toBeTruthy()
  })

  it('persists to Taro storage and comes back after a restart, without a stale distance', async () => {
    useFavouritesStore.getState().toggle(institution)
    const saved = JSON.parse(String(storage.get('jilin-tuoyu/favourites')))
    expect(saved.state.favourites[0].institution.id).toBe(institution.id)

    useFavouritesStore.setState({ favourites: [] })
    storage.set('jilin-tuoyu/favourites', JSON.stringify(saved))
    await useFavouritesStore.persist.rehydrate()

    const [restored] = useFavouritesStore.getState().favourites
    expect(restored.institution.name).toBe(institution.name)
    expect(restored.institution.distanceKm).toBeNull()
  })
})

import { CompareToggle } from '../../features/compare/components/compare-toggle'
import { CompareTray } from '../../features/compare/components/compare-tray'
import { FavouriteList } from '../../features/favourites/components/favourite-list'
import { PageFrame } from '../../components/page-frame'

export default function FavouritesPage() {
  return (
    <PageFrame className='page-favourites'>
      <FavouriteList renderActions={(institution) => <CompareToggle institution={institution} />} />
      <CompareTray />
    </PageFrame>
  )
}

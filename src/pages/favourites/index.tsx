import { View } from '@tarojs/components'
import { CompareToggle } from '../../features/compare/components/compare-toggle'
import { CompareTray } from '../../features/compare/components/compare-tray'
import { FavouriteList } from '../../features/favourites/components/favourite-list'

export default function FavouritesPage() {
  return (
    <View className='page-favourites'>
      <FavouriteList renderActions={(institution) => <CompareToggle institution={institution} />} />
      <CompareTray />
    </View>
  )
}

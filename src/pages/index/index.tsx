import { View } from '@tarojs/components'
import { CompareToggle } from '../../features/compare/components/compare-toggle'
import { CompareTray } from '../../features/compare/components/compare-tray'
import { FavouriteButton } from '../../features/favourites/components/favourite-button'
import { InstitutionFinder } from '../../features/institutions/components/institution-finder'
import { LocationBar } from '../../features/location/components/location-bar'
import { RegionPicker } from '../../features/location/components/region-picker'
import { useOrigin } from '../../features/location/store'
import { HomeLinks } from '../../components/home-links'

export default function IndexPage() {
  const origin = useOrigin()
  return (
    <View className='page-home'>
      <LocationBar />
      <HomeLinks />
      <InstitutionFinder
        origin={origin}
        renderActions={(institution) => (
          <>
            <FavouriteButton institution={institution} compact />
            <CompareToggle institution={institution} />
          </>
        )}
      />
      <CompareTray />
      <RegionPicker />
    </View>
  )
}

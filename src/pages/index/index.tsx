import { CompareToggle } from '../../features/compare/components/compare-toggle'
import { CompareTray } from '../../features/compare/components/compare-tray'
import { useSignedIn } from '../../features/auth/store'
import { FavouriteButton } from '../../features/favourites/components/favourite-button'
import { InstitutionFinder } from '../../features/institutions/components/institution-finder'
import { useInstitutionsStore } from '../../features/institutions/store'
import { LocationBar } from '../../features/location/components/location-bar'
import { RegionPicker } from '../../features/location/components/region-picker'
import { useOrigin } from '../../features/location/store'
import { InstitutionMap } from '../../features/map/components/institution-map'
import { ChildSuggestions } from '../../features/me/components/child-suggestions'
import { useChildren } from '../../features/me/queries'
import { HomeLinks } from '../../components/home-links'
import { useTabBadge } from '../../features/notices/use-tab-badge'
import { PageFrame } from '../../components/page-frame'

export default function IndexPage() {
  const origin = useOrigin()
  const signedIn = useSignedIn()
  useTabBadge(false)
  const children = useChildren(signedIn).data ?? []
  const birthMonth = useInstitutionsStore((s) => s.filters.childBirthMonth)
  const setFilters = useInstitutionsStore((s) => s.setFilters)

  return (
    <PageFrame className='page-home'>
      <LocationBar />
      <HomeLinks />
      {signedIn ? <ChildSuggestions items={children} selected={birthMonth} onSelect={(month) => setFilters({ childBirthMonth: month })} /> : null}
      <InstitutionFinder
        origin={origin}
        renderActions={(institution) => (
          <>
            <FavouriteButton institution={institution} compact />
            <CompareToggle institution={institution} />
          </>
        )}
        renderMap={(map) => <InstitutionMap origin={origin} {...map} />}
      />
      <CompareTray />
      <RegionPicker />
    </PageFrame>
  )
}

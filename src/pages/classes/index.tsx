import { useSignedIn } from '../../features/auth/store'
import { ClassesLinks, ClassFinder } from '../../features/classes/components/class-finder'
import { useClassesStore } from '../../features/classes/store'
import { t } from '../../i18n'
import { LocationBar } from '../../features/location/components/location-bar'
import { RegionPicker } from '../../features/location/components/region-picker'
import { useOrigin } from '../../features/location/store'
import { ChildSuggestions } from '../../features/me/components/child-suggestions'
import { useChildren } from '../../features/me/queries'
import { useTabBadge } from '../../features/notices/use-tab-badge'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function ClassesPage() {
  const origin = useOrigin()
  const signedIn = useSignedIn()
  useTabBadge(false)
  const children = useChildren(signedIn).data ?? []
  const birthMonth = useClassesStore((s) => s.filters.childBirthMonth)
  const setFilters = useClassesStore((s) => s.setFilters)

  return (
    <PageFrame className='page-classes'>
      <LocationBar regionHint={t('classes.regionHint')} />
      <ClassesLinks onSignUps={() => openPage(routes.signUps)} onGuidance={() => openPage(routes.guidance)} />
      {signedIn ? <ChildSuggestions items={children} selected={birthMonth} onSelect={(month) => setFilters({ childBirthMonth: month })} /> : null}
      <ClassFinder origin={origin} onOpen={(id) => openPage(routes.classDetail(id))} />
      <RegionPicker />
    </PageFrame>
  )
}

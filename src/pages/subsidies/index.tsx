import { useRouter } from '@tarojs/taro'
import { PageFrame } from '../../components/page-frame'
import { useSignedIn } from '../../features/auth/store'
import { useLocationStore } from '../../features/location/store'
import { SubsidiesView } from '../../features/subsidies/components/subsidies-view'
import { cityCodeOf } from '../../utils/origin'

export default function SubsidiesPage() {
  const { childId } = useRouter().params
  const signedIn = useSignedIn()
  // The 市州 the parent picked, now or last time; a device position alone says none.
  const origin = useLocationStore((s) => s.origin)
  const savedRegion = useLocationStore((s) => s.savedRegion)
  const cityCode = cityCodeOf(origin?.kind === 'region' ? origin : savedRegion)
  return (
    <PageFrame className='page-subsidies'>
      <SubsidiesView signedIn={signedIn} cityCode={cityCode} childId={childId} />
    </PageFrame>
  )
}

import Taro from '@tarojs/taro'
import { PageFrame } from '../../components/page-frame'
import { useRegions } from '../../services/regions'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { GuidanceForm } from '../../features/guidance/components/guidance-form'
import { useLocationStore } from '../../features/location/store'
import { useChildren } from '../../features/me/queries'
import { openPage, routes } from '../../utils/routes'

export default function GuidanceNewPage() {
  const signedIn = useSignedIn()
  const children = useChildren(signedIn)
  const kids = children.data ?? []
  const kidsReady = children.status === 'ready'
  const regions = useRegions()
  const cities = regions.data?.cities ?? []
  const regionsFailed = regions.status === 'error'
  // A district picked for 找托育 / 课堂 is a good first guess; a 市州 is not precise enough.
  const origin = useLocationStore((s) => s.origin)
  const defaultDistrictCode = origin?.kind === 'region' && !origin.code.endsWith('00') ? origin.code : null

  return (
    <PageFrame className='page-guidance-new'>
      {signedIn ? (
        <GuidanceForm
          kids={kids}
          kidsReady={kidsReady}
          cities={cities}
          regionsFailed={regionsFailed}
          onRetryRegions={() => void regions.refetch()}
          defaultDistrictCode={defaultDistrictCode}
          onAddChild={() => openPage(routes.child())}
          onCreated={(id) => void Taro.redirectTo({ url: routes.guidanceDetail(id) })}
        />
      ) : (
        <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
      )}
    </PageFrame>
  )
}

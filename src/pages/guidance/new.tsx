import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { PageFrame } from '../../components/page-frame'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { GuidanceForm } from '../../features/guidance/components/guidance-form'
import { useLocationStore } from '../../features/location/store'
import { useMeStore } from '../../features/me/store'
import { useMeData } from '../../features/me/use-me-data'
import { openPage, routes } from '../../utils/routes'

export default function GuidanceNewPage() {
  const signedIn = useSignedIn()
  useMeData(signedIn, { children: true })
  const kids = useMeStore((s) => s.children)
  const kidsReady = useMeStore((s) => s.childrenStatus === 'ready')
  const cities = useLocationStore((s) => s.cities)
  const regionsFailed = useLocationStore((s) => s.regionsStatus === 'error')
  const loadRegions = useLocationStore((s) => s.loadRegions)
  // A district picked for 找托育 / 课堂 is a good first guess; a 市州 is not precise enough.
  const origin = useLocationStore((s) => s.origin)
  const defaultDistrictCode = origin?.kind === 'region' && !origin.code.endsWith('00') ? origin.code : null

  useEffect(() => {
    void loadRegions()
  }, [loadRegions])

  return (
    <PageFrame className='page-guidance-new'>
      {signedIn ? (
        <GuidanceForm
          kids={kids}
          kidsReady={kidsReady}
          cities={cities}
          regionsFailed={regionsFailed}
          onRetryRegions={() => void loadRegions()}
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

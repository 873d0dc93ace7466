import { useRouter } from '@tarojs/taro'
import { PageFrame } from '../../components/page-frame'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { GuidanceDetail } from '../../features/guidance/components/guidance-detail'
import { openPage, routes } from '../../utils/routes'

export default function GuidanceDetailPage() {
  const { id } = useRouter().params
  const signedIn = useSignedIn()
  return (
    <PageFrame className='page-guidance-detail'>
      {!signedIn ? <SignInPanel onUsePhone={() => openPage(routes.signIn)} /> : id ? <GuidanceDetail id={id} /> : null}
    </PageFrame>
  )
}

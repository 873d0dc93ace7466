import { useRouter } from '@tarojs/taro'
import { PageFrame } from '../../components/page-frame'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { NoticeDetail } from '../../features/notices/components/notice-detail'
import { openPage, routes } from '../../utils/routes'

export default function NoticeDetailPage() {
  const { id } = useRouter().params
  const signedIn = useSignedIn()
  return (
    <PageFrame className='page-notice'>
      {!signedIn ? <SignInPanel onUsePhone={() => openPage(routes.signIn)} /> : id ? <NoticeDetail id={id} /> : null}
    </PageFrame>
  )
}

import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { NoticeDetail } from '../../features/notices/components/notice-detail'
import { openPage, routes } from '../../utils/routes'

export default function NoticeDetailPage() {
  const { id } = useRouter().params
  const signedIn = useSignedIn()
  if (!signedIn) return <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
  return <View className='page-notice'>{id ? <NoticeDetail id={id} /> : null}</View>
}

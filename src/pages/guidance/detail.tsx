import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { GuidanceDetail } from '../../features/guidance/components/guidance-detail'
import { openPage, routes } from '../../utils/routes'

export default function GuidanceDetailPage() {
  const { id } = useRouter().params
  const signedIn = useSignedIn()
  if (!signedIn) return <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
  return <View className='page-guidance-detail'>{id ? <GuidanceDetail id={id} /> : null}</View>
}

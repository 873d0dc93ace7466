import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { MySignUps } from '../../features/classes/components/my-sign-ups'
import { openPage, routes } from '../../utils/routes'

export default function SignUpsPage() {
  const signedIn = useSignedIn()
  if (!signedIn) return <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
  return (
    <View className='page-sign-ups'>
      <MySignUps onOpenClass={(id) => openPage(routes.classDetail(id))} onFind={() => void Taro.switchTab({ url: routes.classes })} />
    </View>
  )
}

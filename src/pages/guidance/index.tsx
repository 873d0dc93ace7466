import { View } from '@tarojs/components'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { GuidanceList } from '../../features/guidance/components/guidance-list'
import { openPage, routes } from '../../utils/routes'

export default function GuidancePage() {
  const signedIn = useSignedIn()
  if (!signedIn) return <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
  return (
    <View className='page-guidance'>
      <GuidanceList onOpen={(id) => openPage(routes.guidanceDetail(id))} onNew={() => openPage(routes.guidanceNew)} />
    </View>
  )
}

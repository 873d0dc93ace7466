import { View } from '@tarojs/components'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { LinkedInstitutions } from '../../features/me/components/linked-institutions'
import { openPage, routes } from '../../utils/routes'

export default function LinkedPage() {
  const signedIn = useSignedIn()
  return <View className='page-linked'>{signedIn ? <LinkedInstitutions /> : <SignInPanel onUsePhone={() => openPage(routes.signIn)} />}</View>
}

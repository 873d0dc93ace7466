import { View } from '@tarojs/components'
import { useSignedIn } from '../../features/auth/store'
import { PrivacyPolicyView } from '../../features/me/components/privacy-policy-view'

export default function PrivacyPage() {
  const signedIn = useSignedIn()
  return (
    <View className='page-privacy'>
      <PrivacyPolicyView signedIn={signedIn} />
    </View>
  )
}

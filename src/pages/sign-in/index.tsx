import { View } from '@tarojs/components'
import { PhoneSignInForm } from '../../features/auth/components/phone-sign-in-form'
import { goBackOr, routes } from '../../utils/routes'

export default function SignInPage() {
  return (
    <View className='page-sign-in sign-in card'>
      <PhoneSignInForm onSignedIn={() => goBackOr(routes.me)} />
    </View>
  )
}

import { PhoneSignInForm } from '../../features/auth/components/phone-sign-in-form'
import { goBackOr, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function SignInPage() {
  return (
    <PageFrame className='page-sign-in sign-in card'>
      <PhoneSignInForm onSignedIn={() => goBackOr(routes.me)} />
    </PageFrame>
  )
}

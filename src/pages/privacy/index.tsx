import { useSignedIn } from '../../features/auth/store'
import { PrivacyPolicyView } from '../../features/me/components/privacy-policy-view'
import { PageFrame } from '../../components/page-frame'

export default function PrivacyPage() {
  const signedIn = useSignedIn()
  return (
    <PageFrame className='page-privacy'>
      <PrivacyPolicyView signedIn={signedIn} />
    </PageFrame>
  )
}

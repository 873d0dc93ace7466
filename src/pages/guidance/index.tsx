import { PageFrame } from '../../components/page-frame'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { GuidanceList } from '../../features/guidance/components/guidance-list'
import { openPage, routes } from '../../utils/routes'

export default function GuidancePage() {
  const signedIn = useSignedIn()
  return (
    <PageFrame className='page-guidance'>
      {signedIn ? (
        <GuidanceList onOpen={(id) => openPage(routes.guidanceDetail(id))} onNew={() => openPage(routes.guidanceNew)} />
      ) : (
        <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
      )}
    </PageFrame>
  )
}

import Taro from '@tarojs/taro'
import { PageFrame } from '../../components/page-frame'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { MySignUps } from '../../features/classes/components/my-sign-ups'
import { openPage, routes } from '../../utils/routes'

export default function SignUpsPage() {
  const signedIn = useSignedIn()
  return (
    <PageFrame className='page-sign-ups'>
      {signedIn ? (
        <MySignUps onOpenClass={(id) => openPage(routes.classDetail(id))} onFind={() => void Taro.switchTab({ url: routes.classes })} />
      ) : (
        <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
      )}
    </PageFrame>
  )
}

import { useRouter } from '@tarojs/taro'
import { PageFrame } from '../../components/page-frame'
import { useAuthStore, useSignedIn } from '../../features/auth/store'
import { ClassDetail } from '../../features/classes/components/class-detail'
import { useChildren } from '../../features/me/queries'
import { isWeapp } from '../../utils/platform'
import { openPage, routes } from '../../utils/routes'

/** In WeChat one tap signs in where the parent is; elsewhere the sign-in page, which comes back here. */
async function signIn() {
  if (isWeapp() && (await useAuthStore.getState().signInWithWechat())) return
  openPage(routes.signIn)
}

export default function ClassPage() {
  const { id } = useRouter().params
  const signedIn = useSignedIn()
  const kids = useChildren(signedIn).data ?? []
  return (
    <PageFrame className='page-class'>
      {id ? (
        <ClassDetail id={id} signedIn={signedIn} kids={signedIn ? kids : []} onSignIn={() => void signIn()} onOpenSignUps={() => openPage(routes.signUps)} />
      ) : null}
    </PageFrame>
  )
}

import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { PageFrame } from '../../components/page-frame'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { NoticeCompose } from '../../features/notices/components/notice-compose'
import { t } from '../../i18n'
import { goBackOr, openPage, routes } from '../../utils/routes'

export default function NoticeComposePage() {
  const { institutionId, id } = useRouter().params
  const signedIn = useSignedIn()
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: t('notices.edit') }).catch(() => undefined)
  }, [id])
  return (
    <PageFrame className='page-notice-compose'>
      {!signedIn ? (
        <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
      ) : institutionId ? (
        <NoticeCompose institutionId={institutionId} id={id} onDone={() => goBackOr(routes.me)} />
      ) : null}
    </PageFrame>
  )
}

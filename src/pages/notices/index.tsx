import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { PageFrame } from '../../components/page-frame'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { useMe } from '../../features/me/queries'
import { CommitteeSettings } from '../../features/notices/components/committee-settings'
import { NoticeList } from '../../features/notices/components/notice-list'
import { openPage, routes } from '../../utils/routes'

export default function NoticesPage() {
  const { institutionId = '', name } = useRouter().params
  const signedIn = useSignedIn()
  const me = useMe(signedIn)
  const meReady = me.data !== undefined || me.status === 'error'
  const committee = Boolean(me.data?.grants.some((grant) => grant.role === 'committee' && grant.institutionId === institutionId))

  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: decodeURIComponent(name) }).catch(() => undefined)
  }, [name])

  return (
    <PageFrame className='page-notices'>
      {!signedIn ? (
        <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
      ) : institutionId && meReady ? (
        <>
          <NoticeList
            institutionId={institutionId}
            committee={committee}
            onOpen={(id) => openPage(routes.notice(id))}
            onCompose={() => openPage(routes.noticeCompose(institutionId))}
            onEdit={(id) => openPage(routes.noticeCompose(institutionId, id))}
          />
          {committee ? <CommitteeSettings institutionId={institutionId} /> : null}
        </>
      ) : null}
    </PageFrame>
  )
}

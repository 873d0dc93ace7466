import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { useSignedIn } from '../../features/auth/store'
import { LinkedInstitutions } from '../../features/me/components/linked-institutions'
import { UnreadBadge } from '../../features/notices/components/notice-list'
import { refreshUnread } from '../../features/notices/queries'
import { useDidShow } from '@tarojs/taro'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function LinkedPage() {
  const signedIn = useSignedIn()
  useDidShow(() => {
    if (signedIn) void refreshUnread()
  })
  return (
    <PageFrame className='page-linked'>
      {signedIn ? (
        <LinkedInstitutions
          onOpen={(item) => openPage(routes.notices(item.institutionId, item.name))}
          renderExtra={(item) => <UnreadBadge institutionId={item.institutionId} />}
        />
      ) : (
        <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
      )}
    </PageFrame>
  )
}

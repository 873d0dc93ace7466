import { View } from '@tarojs/components'
import { ListRow } from '../../components/list-row'
import { SignInPanel } from '../../features/auth/components/sign-in-panel'
import { SignOutButton } from '../../features/auth/components/sign-out-button'
import { useAuthStore, useSignedIn } from '../../features/auth/store'
import { AccountHeader } from '../../features/me/components/account-header'
import { CommitteeRoles } from '../../features/me/components/committee-roles'
import { ChildrenSection } from '../../features/me/components/children-section'
import { DeleteAccount } from '../../features/me/components/delete-account'
import { ExportData } from '../../features/me/components/export-data'
import { PolicyBanner } from '../../features/me/components/policy-banner'
import { useChildren, useLinkedInstitutions, useMe } from '../../features/me/queries'
import { useUnreadCount } from '../../features/notices/queries'
import { useTabBadge } from '../../features/notices/use-tab-badge'
import { t } from '../../i18n'
import { openFavourites, openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function MePage() {
  const signedIn = useSignedIn()
  const me = useMe(signedIn).data ?? null
  useChildren(signedIn)
  const linked = useLinkedInstitutions(signedIn)
  const linkedCount = linked.status === 'ready' ? (linked.data?.length ?? 0) : null
  const endSession = useAuthStore((s) => s.endSession)
  const unread = useUnreadCount()
  useTabBadge(signedIn)

  return (
    <PageFrame className='page-me'>
      {signedIn ? (
        <>
          <AccountHeader me={me} />
          <PolicyBanner onView={() => openPage(routes.privacy)} />
          <ChildrenSection onAdd={() => openPage(routes.child())} onEdit={(id) => openPage(routes.child(id))} />
          <CommitteeRoles onManage={(institution) => openPage(routes.notices(institution.institutionId, institution.name))} />
          <View className='list-group'>
            <ListRow
              title={t('me.linked')}
              extra={unread > 0 ? t('notices.unreadCount', { count: unread }) : linkedCount ? t('me.linkedCount', { count: linkedCount }) : undefined}
              onClick={() => openPage(routes.linked)}
            />
            <ListRow title={t('me.favourites')} onClick={openFavourites} />
            <ListRow title={t('classes.mySignUps')} onClick={() => openPage(routes.signUps)} />
            <ListRow title={t('guidance.title')} onClick={() => openPage(routes.guidance)} />
            <ListRow title={t('subsidies.title')} onClick={() => openPage(routes.subsidies())} />
            <ListRow title={t('me.privacyPolicy')} onClick={() => openPage(routes.privacy)} />
          </View>
          <View className='list-group'>
            <ExportData />
            <DeleteAccount onDeleted={() => endSession('deleted')} />
          </View>
          <View className='list-group'>
            <SignOutButton />
          </View>
        </>
      ) : (
        <>
          <SignInPanel onUsePhone={() => openPage(routes.signIn)} />
          <View className='list-group'>
            <ListRow title={t('me.favourites')} onClick={openFavourites} />
            <ListRow title={t('subsidies.title')} onClick={() => openPage(routes.subsidies())} />
            <ListRow title={t('me.privacyPolicy')} onClick={() => openPage(routes.privacy)} />
          </View>
        </>
      )}
    </PageFrame>
  )
}

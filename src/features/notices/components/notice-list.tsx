import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CommitteeNotice, Notice } from '../../../../types/notices'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { describeActionError, describeError, statusOf } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { formatDate } from '../../../utils/time'
import { committeeNotices, parentNotices, useUnreadCounts, withdrawNotice } from '../queries'
import { pressable } from '../../../components/a11y'
import './notices.scss'

type Props = {
  institutionId: string
  /** The signed-in parent is on this institution's committee (Me.grants): read counts, status, 发布公告. */
  committee: boolean
  onOpen: (id: string) => void
  onCompose: () => void
  onEdit: (id: string) => void
}

function NoticeHead({ notice }: { notice: Notice }) {
  return (
    <View className='notice-row__head'>
      {notice.pinned ? <Text className='notice-row__pinned'>{t('notices.pinned')}</Text> : null}
      <Tag tone={notice.category === 'inspection' ? 'orange' : 'blue'}>{t(`notices.category.${notice.category}`)}</Tag>
      <Text className='notice-row__title'>{notice.title}</Text>
    </View>
  )
}

function ParentRow({ notice, onOpen }: { notice: Notice; onOpen: () => void }) {
  return (
    <View className={`card notice-row ${notice.read ? '' : 'notice-row--unread'}`} data-testid='notice-row' {...pressable('link')} onClick={onOpen}>
      <NoticeHead notice={notice} />
      <View className='notice-row__meta'>
        {notice.read ? null : (
          <Text className='notice-row__unread'>
            <Text className='notice-dot' />
            {t('notices.unread')}
          </Text>
        )}
        <Text>{t('notices.by', { name: notice.authorName, date: formatDate(notice.postedAt) })}</Text>
      </View>
    </View>
  )
}

function statusText(notice: CommitteeNotice): string | null {
  if (notice.status === 'published') return null
  if (notice.status === 'taken_down') return t('notices.status.taken_down', { reason: notice.takedownReason ?? '' })
  return t(`notices.status.${notice.status}`)
}

function CommitteeRow({ notice, onOpen, onEdit, onWithdraw }: { notice: CommitteeNotice; onOpen: () => void; onEdit: () => void; onWithdraw: () => void }) {
  const status = statusText(notice)
  return (
    <View className='card notice-row' data-testid='notice-row'>
      <View {...pressable('link')} onClick={onOpen}>
        <NoticeHead notice={notice} />
        <View className='notice-row__meta'>
          <Text className='notice-row__reads'>{t('notices.readCount', { read: notice.readCount, total: notice.linkedParents })}</Text>
          <Text>{t('notices.by', { name: notice.authorName, date: formatDate(notice.postedAt) })}</Text>
        </View>
        {status ? <Text className={`notice-row__status notice-row__status--${notice.status}`}>{status}</Text> : null}
        {notice.removedImages.map((image) => (
          <Text key={image.id} className='notice-row__status notice-row__status--image-removed'>
            {t('notices.imageRemoved', { position: image.position, reason: image.reason })}
          </Text>
        ))}
      </View>
      {notice.status === 'published' ? (
        <View className='notice-row__actions'>
          <Button className='btn btn--plain btn--small' onClick={onEdit}>
            {t('notices.edit')}
          </Button>
          <Button className='btn btn--plain btn--small' onClick={onWithdraw}>
            {t('notices.withdraw')}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** An institution's notices: the parent's list (unread marked) or, for a committee member, the committee's view. */
export function NoticeList({ institutionId, committee, onOpen, onCompose, onEdit }: Props) {
  const list = useQuery(parentNotices(institutionId), { enabled: !committee })
  const committeeList = useQuery(committeeNotices(institutionId), { enabled: committee })

  const confirmWithdraw = async (id: string) => {
    const answer = await Taro.showModal({ title: t('notices.withdraw'), content: t('notices.withdrawConfirm') }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    try {
      await withdrawNotice(id, institutionId)
      void Taro.showToast({ title: t('notices.withdrawn'), icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: describeActionError(error), icon: 'none' })
    }
  }

  if (committee) {
    const { status, data: items = [] } = committeeList
    return (
      <View className='notices'>
        <Button className='btn btn--block notices__publish' onClick={onCompose}>
          {t('notices.publish')}
        </Button>
        <Text className='notices__hint'>{t('notices.committeeView')}</Text>
        {status === 'loading' || status === 'idle' ? <View className='notices__loading'>{t('common.loading')}</View> : null}
        {status === 'error' ? <ErrorView message={describeError(committeeList.error)} onRetry={() => void committeeList.refetch()} /> : null}
        {status === 'ready' && items.length === 0 ? <EmptyState title={t('notices.empty')} /> : null}
        {items.map((notice) => (
          <CommitteeRow
            key={notice.id}
            notice={notice}
            onOpen={() => onOpen(notice.id)}
            onEdit={() => onEdit(notice.id)}
            onWithdraw={() => void confirmWithdraw(notice.id)}
          />
        ))}
      </View>
    )
  }

  const { status, data } = list
  // Not (or no longer) linked to this institution: the BFF answers 404.
  const notLinked = status === 'error' && statusOf(list.error) === 404
  const items = status === 'error' ? [] : (data?.items ?? [])
  return (
    <View className='notices'>
      {status === 'loading' || status === 'idle' ? <View className='notices__loading'>{t('common.loading')}</View> : null}
      {notLinked ? <EmptyState title={t('notices.notLinked')} /> : null}
      {status === 'error' && !notLinked ? <ErrorView message={describeError(list.error)} onRetry={() => void list.refetch()} /> : null}
      {status === 'ready' && items.length === 0 ? <EmptyState title={t('notices.empty')} /> : null}
      {status === 'ready' && data && data.unread > 0 ? <Text className='notices__hint'>{t('notices.unreadCount', { count: data.unread })}</Text> : null}
      {items.map((notice) => (
        <ParentRow key={notice.id} notice={notice} onOpen={() => onOpen(notice.id)} />
      ))}
    </View>
  )
}

/** The unread count of one institution, for lists of linked institutions; nothing at 0. */
export function UnreadBadge({ institutionId }: { institutionId: string }) {
  const count = useUnreadCounts()?.byInstitution[institutionId] ?? 0
  if (count <= 0) return null
  return (
    <Text className='unread-badge' aria-label={t('notices.unreadCount', { count })}>
      {count > 99 ? '99+' : count}
    </Text>
  )
}

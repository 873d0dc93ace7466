import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { GuidanceRequest, GuidanceStatus } from '../../../../types/guidance'
import { PhoneLink } from '../../../components/contact-links'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { describeError, statusOf } from '../../../services/http'
import { formatDate, formatWhen } from '../../../utils/time'
import { OPEN_STATUSES } from '../constants'
import { useQuery } from '../../../services/server-data'
import { cancelRequest, guidanceRequest } from '../queries'
import { GuidanceStatusTag } from './status-tag'
import { formatWindow } from './time-windows'
import './guidance.scss'

/** What is still ahead on the usual path: requested → scheduled → done. */
const AHEAD: Partial<Record<GuidanceStatus, GuidanceStatus[]>> = { requested: ['scheduled', 'done'], scheduled: ['done'] }

function ScheduledInfo({ item }: { item: GuidanceRequest }) {
  return (
    <View className='timeline__info'>
      {item.scheduledAt ? <Text>{t('guidance.visitAt', { time: formatWhen(item.scheduledAt) })}</Text> : null}
      {item.staffName ? <Text>{t('guidance.staff', { name: item.staffName })}</Text> : null}
      {item.centre ? (
        <>
          <Text>{item.centre.name}</Text>
          <PhoneLink phone={item.centre.phone} className='timeline__call'>
            {t('guidance.callCentre', { phone: item.centre.phone })}
          </PhoneLink>
        </>
      ) : null}
    </View>
  )
}

/** 已申请 → 已预约 (date, staff, centre phone) → 已完成; or 已拒绝 with the reason, or 已取消. */
function Timeline({ item }: { item: GuidanceRequest }) {
  const lastScheduled = item.history.map((e) => e.status).lastIndexOf('scheduled')
  return (
    <View className='timeline' role='list' aria-label={t('guidance.progress')}>
      {item.history.map((event, index) => (
        <View key={index} className={`timeline__step timeline__step--done timeline__step--${event.status}`} role='listitem'>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__name'>{t(`guidance.status.${event.status}`)}</Text>
            <Text className='timeline__at'>{formatWhen(event.at)}</Text>
            {event.status === 'scheduled' && index === lastScheduled && item.status === 'scheduled' ? <ScheduledInfo item={item} /> : null}
            {event.status === 'declined' ? (
              <Text className='timeline__reason'>{t('guidance.declinedReason', { reason: event.note ?? item.declineReason ?? '' })}</Text>
            ) : null}
            {event.status !== 'declined' && event.note ? <Text className='timeline__note'>{event.note}</Text> : null}
          </View>
        </View>
      ))}
      {(AHEAD[item.status] ?? []).map((status) => (
        <View key={status} className='timeline__step timeline__step--ahead' role='listitem'>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__name'>{t(`guidance.status.${status}`)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

/** One home-guidance request: its progress, what was asked, and 取消申请 while it is still open. */
export function GuidanceDetail({ id }: { id: string }) {
  // Shown to a signed-in parent only.
  const { status, data: item, error, refetch } = useQuery(guidanceRequest(id))
  const { run, busy } = useAction({ report: 'toast' })

  // Another parent's request answers 404 just like one that does not exist.
  if (status === 'error' && statusOf(error) === 404) return <EmptyState title={t('guidance.notFound')} hint={t('guidance.notFoundHint')} />
  if (status === 'error' && !item) return <ErrorView message={describeError(error)} onRetry={() => void refetch()} />
  if (!item) return <View className='guidance__loading'>{t('common.loading')}</View>

  const confirmCancel = async () => {
    const answer = await Taro.showModal({
      title: t('guidance.cancelTitle'),
      content: item.status === 'scheduled' ? t('guidance.cancelScheduled') : t('guidance.cancelConfirm'),
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    await run(async () => {
      await cancelRequest(item.id)
      void Taro.showToast({ title: t('guidance.cancelled'), icon: 'none' })
    })
  }

  return (
    <View className='guidance-detail'>
      <View className='card'>
        <View className='card__head'>
          <Text className='card__name'>{t(`guidance.service.${item.service}`)}</Text>
          <GuidanceStatusTag status={item.status} />
        </View>
        <Timeline item={item} />
      </View>
      <View className='section'>
        <Text className='section__title'>{t('guidance.asked')}</Text>
        <View className='guidance-detail__rows'>
          <Text>{t('guidance.forChild', { nickname: item.child.nickname })}</Text>
          <Text>{t('guidance.windowsLine', { windows: item.timeWindows.map(formatWindow).join('、') })}</Text>
          <Text>{t('guidance.addressLine', { district: item.districtName, address: item.address })}</Text>
          <Text>{t('guidance.phoneLine', { phone: item.contactPhone })}</Text>
          {item.note ? <Text>{t('guidance.noteLine', { note: item.note })}</Text> : null}
          <Text className='guidance-row__meta'>{t('guidance.requestedOn', { date: formatDate(item.createdAt) })}</Text>
        </View>
      </View>
      {OPEN_STATUSES.includes(item.status) ? (
        <View className='guidance-detail__actions'>
          <Button className='btn btn--plain btn--block' disabled={busy || undefined} onClick={() => void confirmCancel()}>
            {t('guidance.cancel')}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

import { Button, Text, View } from '@tarojs/components'
import type { GuidanceRequest } from '../../../../types/guidance'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { formatDate, formatWhen } from '../../../utils/time'
import { describeError } from '../../../services/http'
import { usePullToRefresh } from '../../../services/page-events'
import { useQuery } from '../../../services/server-data'
import { guidanceRequests } from '../queries'
import { GuidanceStatusTag } from './status-tag'
import { pressable } from '../../../components/a11y'
import './guidance.scss'

type Props = { onOpen: (id: string) => void; onNew: () => void }

function Row({ item, onOpen }: { item: GuidanceRequest; onOpen: () => void }) {
  return (
    <View className='card guidance-row' data-testid='guidance-row' {...pressable('link')} onClick={onOpen}>
      <View className='card__head'>
        <Text className='card__name'>{t(`guidance.service.${item.service}`)}</Text>
        <GuidanceStatusTag status={item.status} />
      </View>
      <View className='guidance-row__lines'>
        <Text>{t('guidance.forChild', { nickname: item.child.nickname })}</Text>
        {item.status === 'scheduled' && item.scheduledAt ? (
          <Text className='guidance-row__when'>{t('guidance.visitAt', { time: formatWhen(item.scheduledAt) })}</Text>
        ) : null}
        {item.status === 'declined' && item.declineReason ? (
          <Text className='guidance-row__reason'>{t('guidance.declinedReason', { reason: item.declineReason })}</Text>
        ) : null}
        <Text className='guidance-row__meta'>{t('guidance.requestedOn', { date: formatDate(item.createdAt) })}</Text>
      </View>
    </View>
  )
}

/** 入户指导: the parent's requests, newest first, with their status; 申请入户指导 on top. */
export function GuidanceList({ onOpen, onNew }: Props) {
  // Back from a new request or a cancelled one: show the change. Shown to a signed-in parent only.
  const { status, data: items = [], error, refetch } = useQuery(guidanceRequests, { refetchOnShow: true })
  usePullToRefresh(refetch)

  return (
    <View className='guidance-list'>
      <View className='guidance-list__intro'>
        <Text>{t('guidance.intro')}</Text>
        <Button className='btn btn--block' onClick={onNew}>
          {t('guidance.new')}
        </Button>
      </View>
      {status === 'idle' || status === 'loading' ? <View className='guidance__loading'>{t('common.loading')}</View> : null}
      {status === 'error' ? <ErrorView message={describeError(error)} onRetry={() => void refetch()} /> : null}
      {status === 'ready' && items.length === 0 ? <EmptyState title={t('guidance.empty')} hint={t('guidance.emptyHint')} /> : null}
      {items.map((item) => (
        <Row key={item.id} item={item} onOpen={() => onOpen(item.id)} />
      ))}
    </View>
  )
}

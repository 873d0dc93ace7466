import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import type { ComplaintView } from '../../../../types/complaints'
import { ErrorView } from '../../../components/error-view'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { formatDate } from '../../../utils/time'
import { photoUrl } from '../api'
import { describeError, statusOf } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { useComplaintFollow } from '../follow-store'
import { addAddition, complaintView, rateComplaint } from '../queries'
import { formatDateTime } from '../format'
import { AdditionForm } from './addition-form'
import { ProgressSteps } from './progress-steps'
import { RatingForm } from './rating-form'
import { StatusTag } from './status-tag'
import { TrackingCode } from './tracking-code'
import { TrackForm } from './track-form'
import './complaints.scss'
import { imageAlt } from '../../../components/a11y'

type Props = { trackingNumber?: string }

function Photos({ photos }: { photos: ComplaintView['photos'] }) {
  if (!photos.length) return null
  const urls = photos.map((p) => photoUrl(p.url))
  return (
    <View className='photo-grid photo-grid--view'>
      {urls.map((url, index) => (
        <View key={url} className='photo-thumb'>
          <Image
            {...imageAlt(t('photos.nth', { n: index + 1 }))}
            className='photo-thumb__img'
            src={url}
            mode='aspectFill'
            onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}
          />
        </View>
      ))}
    </View>
  )
}

function Deadline({ label, date, overdue }: { label: string; date: string; overdue: boolean }) {
  return (
    <View className='follow__row'>
      <Text className='follow__key'>{label}</Text>
      <Text className={overdue ? 'follow__overdue' : 'follow__value'}>
        {overdue ? t('complaints.deadlineOverdue', { date: formatDate(date) }) : formatDate(date)}
      </Text>
    </View>
  )
}

function ComplaintDetails({ view, secret }: { view: ComplaintView; secret: string | null }) {
  const { trackingNumber } = view
  const open = view.status !== 'closed' && view.status !== 'rejected'
  const subject = view.institution?.name ?? view.provider?.name ?? ''
  // Overdue applies to whichever deadline is still ahead of the handling.
  const acceptPending = view.status === 'submitted'
  const replyPending = open && view.status !== 'replied'
  const history = [...view.timeline].sort((a, b) => b.at.localeCompare(a.at))

  return (
    <View className='follow'>
      <View className='follow__head card'>
        <View className='follow__title-row'>
          <TrackingCode className='follow__number complaint-tracking-number' code={view.trackingNumber} />
          <StatusTag status={view.status} />
        </View>
        <View className='card__tags'>
          {view.urgent ? <Tag tone='red'>{t('complaints.urgent')}</Tag> : null}
          {view.overdue ? <Tag tone='red'>{t('complaints.overdue')}</Tag> : null}
          <Tag>{t(`enums.complaintCategory.${view.category}`)}</Tag>
        </View>
        <View className='follow__row'>
          <Text className='follow__key'>{t('complaints.subject')}</Text>
          <Text className='follow__value'>{subject}</Text>
        </View>
        <View className='follow__row'>
          <Text className='follow__key'>{t('complaints.departments')}</Text>
          <Text className='follow__value'>{view.departments.map((d) => t(`enums.department.${d}`)).join('、') || t('common.none')}</Text>
        </View>
        <Deadline label={t('complaints.acceptBy')} date={view.acceptBy} overdue={view.overdue && acceptPending} />
        <Deadline label={t('complaints.replyBy')} date={view.replyBy} overdue={view.overdue && replyPending && !acceptPending} />
      </View>

      <Section title={t('complaints.status')}>
        <ProgressSteps view={view} />
      </Section>

      {view.reply || view.outcome ? (
        <Section title={t('complaints.reply')} className='follow__reply'>
          {view.outcome ? (
            <Text className='follow__outcome'>
              {t('complaints.outcome')}：{t(`enums.outcome.${view.outcome}`)}
            </Text>
          ) : null}
          {view.reply ? <Text className='follow__text'>{view.reply}</Text> : null}
        </Section>
      ) : null}

      <Section title={t('complaints.yourReport')}>
        <Text className='follow__meta'>{t('complaints.occurred', { time: formatDateTime(view.occurredAt) })}</Text>
        <Text className='follow__text'>{view.description}</Text>
        <Photos photos={view.photos} />
      </Section>

      {view.additions.length ? (
        <Section title={t('complaints.additions')}>
          {view.additions.map((addition) => (
            <View key={addition.at} className='follow__addition'>
              <Text className='follow__meta'>{formatDateTime(addition.at)}</Text>
              <Text className='follow__text'>{addition.text}</Text>
              <Photos photos={addition.photos} />
            </View>
          ))}
        </Section>
      ) : null}

      {open ? (
        <Section title={t('complaints.addAddition')}>
          <AdditionForm onSubmit={(text, photoIds) => addAddition(trackingNumber, secret, text, photoIds)} />
        </Section>
      ) : null}

      {view.status === 'closed' ? (
        <Section title={t('complaints.rate')}>
          <RatingForm rating={view.rating} onRate={(score, comment) => rateComplaint(trackingNumber, secret, score, comment)} />
        </Section>
      ) : null}

      <Section title={t('complaints.history')}>
        <View className='history'>
          {history.map((entry, index) => (
            <View key={`${entry.type}-${entry.at}-${index}`} className='history__item'>
              <Text className='history__time'>{formatDateTime(entry.at)}</Text>
              <Text className='history__what'>
                {t(`complaints.event.${entry.type}`)}
                {entry.department ? ` · ${t(`enums.department.${entry.department}`)}` : ''}
              </Text>
              {entry.note ? <Text className='history__note'>{entry.note}</Text> : null}
            </View>
          ))}
        </View>
      </Section>
    </View>
  )
}

/** 投诉进度: by number + secret (the form), or opened from 我的投诉 / 本机提交的投诉. */
export function ComplaintFollow({ trackingNumber }: Props) {
  const mode = useComplaintFollow((s) => s.mode)
  const error = useComplaintFollow((s) => s.error)
  const busy = useComplaintFollow((s) => s.busy)
  const current = useComplaintFollow((s) => s.trackingNumber)
  const secret = useComplaintFollow((s) => s.secret)
  const { open, track } = useComplaintFollow.getState()
  const view = useQuery(complaintView(current, secret), { enabled: mode === 'view' && current !== '' })

  useEffect(() => {
    open(trackingNumber)
  }, [open, trackingNumber])

  // Not this account's complaint and no secret here: ask for it.
  const refusal = view.status === 'error' ? statusOf(view.error) : undefined
  const refused = refusal === 401 || refusal === 403 || refusal === 404
  if (mode === 'form' || refused) {
    const shown = error ?? (mode === 'view' && refusal === 404 ? t('complaints.trackNotFound') : null)
    return <TrackForm initialNumber={current || trackingNumber} busy={busy} error={shown} onTrack={(n, s) => void track(n, s)} />
  }
  if (view.status === 'error') return <ErrorView title={t('complaints.loadFailed')} message={describeError(view.error)} onRetry={() => void view.refetch()} />
  if (!view.data) return <View className='finder__loading complaint-loading'>{t('common.loading')}</View>
  return <ComplaintDetails view={view.data} secret={secret} />
}

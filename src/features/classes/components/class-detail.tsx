import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Child } from '../../../../types/me'
import { PhoneLink } from '../../../components/contact-links'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { formatDistance } from '../../../utils/format'
import { routes } from '../../../utils/routes'
import { useSharePage } from '../../../utils/share'
import { chinaTime, formatWhen } from '../../../utils/time'
import { describeError, statusOf } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { seatsLabel } from '../format'
import { classDetail } from '../queries'
import { ClassTags, venueText } from './class-card'
import { SignUpPanel } from './sign-up-panel'
import './classes.scss'

type Props = {
  id: string
  signedIn: boolean
  kids: Child[]
  onSignIn: () => void
  onOpenSignUps: () => void
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='class-detail__row'>
      <Text className='class-detail__label'>{label}</Text>
      <View className='class-detail__value'>{children}</View>
    </View>
  )
}

/** One class: everything a parent needs to decide, then sign up. Loaded again when the session changes. */
export function ClassDetail({ id, signedIn, kids, onSignIn, onOpenSignUps }: Props) {
  // The parent's own sign-up is part of the answer: a sign-in or sign-out drops it and it is fetched again.
  const { status, data: item, error, refetch } = useQuery(classDetail(id))
  useSharePage({ title: item?.title ?? t('classes.title'), path: routes.classDetail(id) })

  if (status === 'error' && statusOf(error) === 404) return <EmptyState title={t('classes.notFound')} />
  if (status === 'error' && !item) return <ErrorView message={describeError(error)} onRetry={() => void refetch()} />
  if (!item) return <View className='class-list__loading'>{t('common.loading')}</View>

  return (
    <View className='class-detail'>
      <View className='card class-detail__card'>
        <Text className='class-detail__title'>{item.title}</Text>
        <ClassTags item={item} />
        {item.status === 'cancelled' ? (
          <View className='class-detail__cancelled' role='alert'>
            {t('classes.cancelledReason', { reason: item.cancelReason ?? '' })}
          </View>
        ) : null}
        <Row label={t('classes.detail.time')}>
          <Text>{t('classes.detail.timeValue', { start: formatWhen(item.startsAt), end: chinaTime(item.endsAt).format('HH:mm') })}</Text>
        </Row>
        <Row label={t('classes.detail.place')}>
          <Text>{venueText(item)}</Text>
          {item.mode === 'offline' && item.address ? <Text className='class-detail__sub'>{item.address}</Text> : null}
          {item.distanceKm !== null ? <Text className='class-detail__sub'>{formatDistance(item.distanceKm)}</Text> : null}
        </Row>
        <Row label={t('classes.detail.centre')}>
          <Text>{item.centre.name}</Text>
          <PhoneLink phone={item.centre.phone} className='class-detail__phone'>
            {t('classes.detail.call', { phone: item.centre.phone })}
          </PhoneLink>
        </Row>
        <Row label={t('classes.detail.speaker')}>
          <Text>{item.speaker}</Text>
        </Row>
        <Row label={t('classes.detail.ages')}>
          <Text>{t('classes.detail.agesValue', { min: item.minAgeMonths, max: item.maxAgeMonths })}</Text>
        </Row>
        <Row label={t('classes.detail.seats')}>
          <Text className={item.seatsLeft > 0 ? 'class-card__seats' : 'class-card__seats class-card__seats--full'}>{seatsLabel(item)}</Text>
          <Text className='class-detail__sub'>{t('classes.detail.capacity', { capacity: item.capacity, confirmed: item.confirmedCount })}</Text>
        </Row>
      </View>
      {item.description ? (
        <View className='section'>
          <Text className='section__title'>{t('classes.detail.about')}</Text>
          <Text className='class-detail__about' userSelect>
            {item.description}
          </Text>
        </View>
      ) : null}
      <View className='section'>
        <SignUpPanel item={item} signedIn={signedIn} kids={kids} onSignIn={onSignIn} onOpenSignUps={onOpenSignUps} />
      </View>
    </View>
  )
}

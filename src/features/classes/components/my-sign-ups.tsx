import { Button, Text, View } from '@tarojs/components'
import type { SignUp } from '../../../../types/classes'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { formatWhen } from '../../../utils/time'
import { describeError } from '../../../services/http'
import { usePullToRefresh } from '../../../services/page-events'
import { useQuery } from '../../../services/server-data'
import { canCancel, signUpStatusLabel } from '../format'
import { mySignUps } from '../queries'
import { useCancelSignUp } from './cancel-sign-up'
import { venueText } from './class-card'
import { pressable } from '../../../components/a11y'
import './classes.scss'

type Props = { onOpenClass: (id: string) => void; onFind: () => void }

/** Past sign-ups say how they ended; a live one whose class has ended simply ended. */
function pastLabel(signUp: SignUp): string {
  if (signUp.status === 'class_cancelled') return t('classes.status.class_cancelled')
  if (signUp.status === 'confirmed') return t('classes.status.ended')
  if (signUp.status === 'waiting') return t('classes.status.notPromoted')
  return signUpStatusLabel(signUp)
}

function SignUpRow({ signUp, past, onOpen }: { signUp: SignUp; past: boolean; onOpen: () => void }) {
  const { cancel, busy } = useCancelSignUp()
  const item = signUp.class
  const cancellable = !past && canCancel(signUp, item)

  return (
    <View className={`card sign-up-row ${past ? 'sign-up-row--past' : ''}`} data-testid='sign-up-row'>
      <View {...pressable('link')} onClick={onOpen}>
        <View className='card__head'>
          <Text className='card__name'>{item.title}</Text>
          <Text className={`sign-up__badge sign-up__badge--${signUp.status}`}>{past ? pastLabel(signUp) : signUpStatusLabel(signUp)}</Text>
        </View>
        <View className='class-card__lines'>
          <Text className='class-card__when'>{formatWhen(item.startsAt)}</Text>
          <Text>{t('classes.where', { centre: item.centre.name, venue: venueText(item) })}</Text>
          {signUp.child ? <Text>{t('classes.withChild', { nickname: signUp.child.nickname })}</Text> : null}
          {signUp.status === 'class_cancelled' && item.cancelReason ? (
            <Text className='sign-up-row__reason'>{t('classes.cancelledReason', { reason: item.cancelReason })}</Text>
          ) : null}
        </View>
      </View>
      {cancellable ? (
        <View className='sign-up-row__actions'>
          <Button className='btn btn--plain btn--small' disabled={busy || undefined} onClick={() => void cancel(signUp, item.id)}>
            {t('classes.cancel.button')}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** 我的报名: upcoming (status, waiting position, time; cancel) and past (how each ended). Pull down to refresh. */
export function MySignUps({ onOpenClass, onFind }: Props) {
  // Shown to a signed-in parent only.
  const { status, data: mine, error, refetch } = useQuery(mySignUps)

  usePullToRefresh(refetch)

  if (status === 'error') return <ErrorView message={describeError(error)} onRetry={() => void refetch()} />
  if (!mine) return <View className='class-list__loading'>{t('common.loading')}</View>
  if (mine.upcoming.length === 0 && mine.past.length === 0)
    return <EmptyState title={t('classes.mine.empty')} hint={t('classes.mine.emptyHint')} actionText={t('classes.mine.find')} onAction={onFind} />

  return (
    <View className='my-sign-ups'>
      <Text className='my-sign-ups__title'>{t('classes.mine.upcoming')}</Text>
      {mine.upcoming.length === 0 ? <Text className='my-sign-ups__none'>{t('classes.mine.noUpcoming')}</Text> : null}
      <View data-testid='upcoming'>
        {mine.upcoming.map((signUp) => (
          <SignUpRow key={signUp.id} signUp={signUp} past={false} onOpen={() => onOpenClass(signUp.class.id)} />
        ))}
      </View>
      {mine.past.length > 0 ? <Text className='my-sign-ups__title'>{t('classes.mine.past')}</Text> : null}
      <View data-testid='past'>
        {mine.past.map((signUp) => (
          <SignUpRow key={signUp.id} signUp={signUp} past onOpen={() => onOpenClass(signUp.class.id)} />
        ))}
      </View>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ParentingClassDetail } from '../../../../types/classes'
import type { Child } from '../../../../types/me'
import { Chip } from '../../../components/chip'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { describeActionError, statusOf } from '../../../services/http'
import { formatAge } from '../../../utils/age'
import { formatWhen } from '../../../utils/time'
import { addToCalendar } from '../calendar'
import { useQuery } from '../../../services/server-data'
import { ageAtClass, canCancel, cancelClosesAt, signUpStatusLabel, suitsChild } from '../format'
import { messageTemplates, signUp } from '../queries'
import { useCancelSignUp } from './cancel-sign-up'
import { pressable } from '../../../components/a11y'
import './classes.scss'

type Props = {
  item: ParentingClassDetail
  signedIn: boolean
  /** The parent's children (empty when signed out or none added). */
  kids: Child[]
  onSignIn: () => void
  onOpenSignUps: () => void
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

function ChildChoice({
  item,
  kids,
  selected,
  onSelect,
}: {
  item: ParentingClassDetail
  kids: Child[]
  selected: string | null
  onSelect: (id: string | null) => void
}) {
  return (
    <View className='sign-up__children'>
      <Text className='sign-up__label'>{t('classes.signUp.withChild')}</Text>
      <View className='sign-up__chips' role='group' aria-label={t('classes.signUp.withChild')}>
        {kids.map((child) => {
          const fits = suitsChild(item, child.birthMonth)
          const age = formatAge(Math.max(0, ageAtClass(child.birthMonth, item.startsAt)))
          return (
            <Chip
              key={child.id}
              selected={selected === child.id}
              className={fits ? '' : 'chip--off'}
              onClick={() => (fits ? onSelect(child.id) : toast(t('classes.signUp.childNotFit', { nickname: child.nickname })))}
            >
              {fits ? t('classes.signUp.child', { nickname: child.nickname, age }) : t('classes.signUp.childOff', { nickname: child.nickname, age })}
            </Chip>
          )
        })}
        <Chip selected={selected === null} onClick={() => onSelect(null)}>
          {t('classes.signUp.adultOnly')}
        </Chip>
      </View>
    </View>
  )
}

function LiveSignUp({ item, onOpenSignUps }: Pick<Props, 'item' | 'onOpenSignUps'>) {
  const mine = item.mySignUp
  const { cancel, busy } = useCancelSignUp()
  if (!mine) return null
  const closesAt = cancelClosesAt(mine, item)
  const cancellable = canCancel(mine, item)

  const calendar = async () => {
    try {
      await addToCalendar(item)
      toast(t('classes.calendar.added'))
    } catch {
      toast(t('classes.calendar.failed'))
    }
  }

  return (
    <View className='sign-up sign-up--mine'>
      <View className='sign-up__status' role='status'>
        <Text className={`sign-up__badge sign-up__badge--${mine.status}`}>{signUpStatusLabel(mine)}</Text>
        {mine.status === 'waiting' ? <Text className='sign-up__hint'>{t('classes.signUp.waitingHint')}</Text> : null}
      </View>
      {item.onlineUrl ? (
        <View className='sign-up__online'>
          <Text className='sign-up__label'>{t('classes.online.link')}</Text>
          <Text className='sign-up__url' userSelect>
            {item.onlineUrl}
          </Text>
          <Button className='btn btn--ghost btn--small' onClick={() => void Taro.setClipboardData({ data: item.onlineUrl ?? '' }).catch(() => undefined)}>
            {t('classes.online.copy')}
          </Button>
        </View>
      ) : null}
      <View className='sign-up__actions'>
        <Button className='btn btn--ghost' onClick={() => void calendar()}>
          {t('classes.calendar.add')}
        </Button>
        {cancellable ? (
          <Button className='btn btn--plain' disabled={busy || undefined} onClick={() => void cancel(mine, item.id)}>
            {t('classes.cancel.button')}
          </Button>
        ) : null}
      </View>
      {!cancellable && closesAt ? (
        <Text className='sign-up__closed'>{t('classes.cancel.closed', { time: formatWhen(closesAt), phone: item.centre.phone })}</Text>
      ) : null}
      <View className='sign-up__link' {...pressable('link')} onClick={onOpenSignUps}>
        {t('classes.mySignUps')} ›
      </View>
    </View>
  )
}

/** Sign up (or join the waiting list) in one tap; then the parent's status, calendar, join link and cancel. */
export function SignUpPanel({ item, signedIn, kids, onSignIn, onOpenSignUps }: Props) {
  // Fetched ahead: WeChat only shows the subscription prompt when it is asked straight from the tap. Without
  // templates the parent simply is not asked.
  useQuery(messageTemplates, { enabled: signedIn })
  const suggested = kids.find((child) => suitsChild(item, child.birthMonth))?.id ?? null
  const [childId, setChildId] = useState<string | null>(suggested)
  const { run, busy, error } = useAction()

  useEffect(() => setChildId(suggested), [suggested])

  if (item.status === 'cancelled') return null
  if (Date.parse(item.startsAt) <= Date.now()) return <Text className='sign-up__closed'>{t('classes.started')}</Text>
  if (item.mySignUp && (item.mySignUp.status === 'confirmed' || item.mySignUp.status === 'waiting'))
    return <LiveSignUp item={item} onOpenSignUps={onOpenSignUps} />

  const full = item.seatsLeft <= 0
  const submit = () => {
    if (!signedIn) {
      onSignIn()
      return
    }
    void run(
      async () => {
        const done = await signUp(item.id, childId)
        toast(done.status === 'waiting' ? t('classes.signUp.waitingDone', { position: done.waitingPosition ?? '' }) : t('classes.signUp.done'))
      },
      (e) => {
        if (statusOf(e) !== 401) return describeActionError(e)
        onSignIn()
        return null
      },
    )
  }

  return (
    <View className='sign-up'>
      {signedIn && kids.length > 0 ? <ChildChoice item={item} kids={kids} selected={childId} onSelect={setChildId} /> : null}
      {full ? <Text className='sign-up__hint'>{t('classes.signUp.fullHint')}</Text> : null}
      <Text className='sign-up__hint'>{t('classes.signUp.cutOff', { time: formatWhen(item.cancellableUntil) })}</Text>
      <FormError className='class-error' message={error} />
      <Button className='btn btn--block sign-up__submit' disabled={busy || undefined} onClick={submit}>
        {busy ? t('classes.signUp.busy') : !signedIn ? t('classes.signUp.signIn') : full ? t('classes.signUp.wait') : t('classes.signUp.submit')}
      </Button>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ParentingClassDetail } from '../../../../types/classes'
import type { Child } from '../../../../types/me'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { describeActionError, statusOf } from '../../../services/http'
import { formatAge } from '../../../utils/age'
import { formatWhen } from '../../../utils/time'
import { addToCalendar } from '../calendar'
import { ageAtClass, canCancel, cancelClosesAt, signUpStatusLabel, suitsChild } from '../format'
import { useClassesStore } from '../store'
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

function ChildChoice({ item, kids, selected, onSelect }: { item: ParentingClassDetail; kids: Child[]; selected: string | null; onSelect: (id: string | null) => void }) {
  return (
    <View className='sign-up__children'>
      <Text className='sign-up__label'>{t('classes.signUp.withChild')}</Text>
      <View className='sign-up__chips' role='group' aria-label={t('classes.signUp.withChild')}>
        {kids.map((child) => {
          const fits = suitsChild(item, child.birthMonth)
          const age = formatAge(Math.max(0, ageAtClass(child.birthMonth, item.startsAt)))
          return (
            <Chip key={child.id} selected={selected === child.id} className={fits ? '' : 'chip--off'} onClick={() => (fits ? onSelect(child.id) : toast(t('classes.signUp.childNotFit', { nickname: child.nickname })))}>
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
  const cancel = useClassesStore((s) => s.cancel)
  const [busy, setBusy] = useState(false)
  if (!mine) return null
  const closesAt = cancelClosesAt(mine, item)
  const cancellable = canCancel(mine, item)

  const confirmCancel = async () => {
    const answer = await Taro.showModal({ title: t('classes.cancel.title'), content: mine.status === 'confirmed' ? t('classes.cancel.confirmSeat') : t('classes.cancel.confirmWaiting') }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    setBusy(true)
    try {
      await cancel({ id: mine.id, classId: item.id })
      toast(t('classes.cancel.done'))
    } catch (error) {
      toast(describeActionError(error))
    } finally {
      setBusy(false)
    }
  }

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
          <Button className='btn btn--plain' disabled={busy || undefined} onClick={() => void confirmCancel()}>
            {t('classes.cancel.button')}
          </Button>
        ) : null}
      </View>
      {!cancellable && closesAt ? <Text className='sign-up__closed'>{t('classes.cancel.closed', { time: formatWhen(closesAt), phone: item.centre.phone })}</Text> : null}
      <View className='sign-up__link' role='link' onClick={onOpenSignUps}>
        {t('classes.mySignUps')} ›
      </View>
    </View>
  )
}

/** Sign up (or join the waiting list) in one tap; then the parent's status, calendar, join link and cancel. */
export function SignUpPanel({ item, signedIn, kids, onSignIn, onOpenSignUps }: Props) {
  const signUp = useClassesStore((s) => s.signUp)
  const loadTemplates = useClassesStore((s) => s.loadTemplates)
  const suggested = kids.find((child) => suitsChild(item, child.birthMonth))?.id ?? null
  const [childId, setChildId] = useState<string | null>(suggested)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => setChildId(suggested), [suggested])
  // Fetched ahead: WeChat only shows the subscription prompt when it is asked straight from the tap.
  useEffect(() => {
    if (signedIn) void loadTemplates()
  }, [signedIn, loadTemplates])

  if (item.status === 'cancelled') return null
  if (Date.parse(item.startsAt) <= Date.now()) return <Text className='sign-up__closed'>{t('classes.started')}</Text>
  if (item.mySignUp && (item.mySignUp.status === 'confirmed' || item.mySignUp.status === 'waiting')) return <LiveSignUp item={item} onOpenSignUps={onOpenSignUps} />

  const full = item.seatsLeft <= 0
  const submit = () => {
    if (!signedIn) {
      onSignIn()
      return
    }
    setBusy(true)
    setError(null)
    signUp(item.id, childId)
      .then((done) => toast(done.status === 'waiting' ? t('classes.signUp.waitingDone', { position: done.waitingPosition ?? '' }) : t('classes.signUp.done')))
      .catch((e: unknown) => {
        if (statusOf(e) === 401) onSignIn()
        else setError(describeActionError(e))
      })
      .finally(() => setBusy(false))
  }

  return (
    <View className='sign-up'>
      {signedIn && kids.length > 0 ? <ChildChoice item={item} kids={kids} selected={childId} onSelect={setChildId} /> : null}
      {full ? <Text className='sign-up__hint'>{t('classes.signUp.fullHint')}</Text> : null}
      <Text className='sign-up__hint'>{t('classes.signUp.cutOff', { time: formatWhen(item.cancellableUntil) })}</Text>
      {error ? (
        <View className='class-error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button className='btn btn--block sign-up__submit' disabled={busy || undefined} onClick={submit}>
        {busy ? t('classes.signUp.busy') : !signedIn ? t('classes.signUp.signIn') : full ? t('classes.signUp.wait') : t('classes.signUp.submit')}
      </Button>
    </View>
  )
}

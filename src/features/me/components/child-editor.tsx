import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import { BottomSheet } from '../../../components/bottom-sheet'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { ageInMonths, normaliseBirthMonth } from '../../../utils/age'
import { acceptChildConsent, deleteChild, saveChild, useChildren, useMe } from '../queries'
import { ChildConsentSheet } from './child-consent-sheet'
import './me.scss'

type Props = { id?: string; onDone: () => void; onViewPolicy: () => void }

const MAX_AGE_MONTHS = 72 // a typo guard; the service is for children under 3

function validate(nickname: string, birthMonthText: string): { error: string } | { nickname: string; birthMonth: string } {
  const name = nickname.trim()
  if (name.length < 1 || name.length > 12) return { error: t('children.invalidNickname') }
  const birthMonth = normaliseBirthMonth(birthMonthText)
  if (!birthMonth) return { error: t('children.invalidBirthMonth') }
  const age = ageInMonths(birthMonth)
  if (age < 0) return { error: t('children.futureBirthMonth') }
  if (age > MAX_AGE_MONTHS) return { error: t('children.tooOld') }
  return { nickname: name, birthMonth }
}

/** Add or edit a child (nickname + birth month). The first child waits for the guardian's separate consent. */
export function ChildEditor({ id, onDone, onViewPolicy }: Props) {
  // The page is opened signed in (from 我的 or a form that needs a child).
  const { data: children = [], status: childrenStatus } = useChildren(true)
  const me = useMe(true).data ?? null
  const existing = id ? children.find((child) => child.id === id) : undefined

  const [nickname, setNickname] = useState(existing?.nickname ?? '')
  const [birthMonth, setBirthMonth] = useState(existing?.birthMonth ?? '')
  const { run, busy, error, setError } = useAction()
  const [consentOpen, setConsentOpen] = useState(false)
  const [consentError, setConsentError] = useState<string | null>(null)
  const [refused, setRefused] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const filled = useRef(Boolean(existing))

  // Once, when the child arrives: a later answer must not overwrite what the parent is typing.
  useEffect(() => {
    if (existing && !filled.current) {
      filled.current = true
      setNickname(existing.nickname)
      setBirthMonth(existing.birthMonth)
    }
  }, [existing])

  const finish = () => {
    void Taro.showToast({ title: t('children.saved'), icon: 'success' })
    onDone()
  }

  const save = async () => {
    const checked = validate(nickname, birthMonth)
    if ('error' in checked) {
      setError(checked.error)
      return
    }
    setRefused(false)
    await run(async () => {
      const result = await saveChild(checked, id)
      if (result === 'consentNeeded') setConsentOpen(true)
      else finish()
    })
  }

  const accept = async () => {
    const checked = validate(nickname, birthMonth)
    if ('error' in checked) return
    setConsentError(null)
    await run(async () => {
      try {
        await acceptChildConsent()
      } catch {
        // Told in the consent sheet, which stays open.
        setConsentError(t('childConsent.failed'))
        return
      }
      setConsentOpen(false)
      const result = await saveChild(checked, id)
      if (result === 'saved') finish()
      else setConsentOpen(true)
    })
  }

  const refuse = () => {
    // Nothing was sent: forget what was typed as well.
    setConsentOpen(false)
    setNickname('')
    setBirthMonth('')
    setRefused(true)
  }

  const remove = async () => {
    if (!id) return
    await run(async () => {
      try {
        await deleteChild(id)
      } finally {
        setConfirmDelete(false)
      }
      void Taro.showToast({ title: t('children.deleted'), icon: 'success' })
      onDone()
    })
  }

  if (id && !existing) {
    return <View className='child-editor__loading'>{childrenStatus === 'ready' ? t('children.notFound') : t('common.loading')}</View>
  }

  const thisMonth = dayjs().format('YYYY-MM')
  return (
    <View className='child-editor'>
      <Text className='child-editor__title'>{id ? t('children.editorEdit') : t('children.editorAdd')}</Text>
      {refused ? (
        <View className='notice notice--calm child-editor__refused' role='status'>
          {t('childConsent.refused')}
        </View>
      ) : null}
      <View className='child-editor__field'>
        <Text className='child-editor__label'>{t('children.nickname')}</Text>
        <Input className='field' maxlength={12} placeholder={t('children.nickname')} value={nickname} onInput={(e) => setNickname(e.detail.value)} />
        <Text className='child-editor__hint'>{t('children.nicknameHint')}</Text>
      </View>
      <View className='child-editor__field'>
        <Text className='child-editor__label'>{t('children.birthMonth')}</Text>
        <View className='child-editor__month'>
          <Input
            className='field child-editor__month-input'
            maxlength={7}
            placeholder={t('children.birthMonthPlaceholder')}
            value={birthMonth}
            onInput={(e) => setBirthMonth(e.detail.value)}
          />
          <Picker
            mode='date'
            fields='month'
            start={dayjs().subtract(6, 'year').format('YYYY-MM')}
            end={thisMonth}
            value={normaliseBirthMonth(birthMonth) ?? dayjs().subtract(1, 'year').format('YYYY-MM')}
            onChange={(e) => setBirthMonth(String(e.detail.value).slice(0, 7))}
          >
            <View className='btn btn--ghost btn--small child-editor__pick'>{t('children.birthMonthPick')}</View>
          </Picker>
        </View>
      </View>
      <FormError className='child-editor__error' message={error} />
      <Button className='btn btn--block child-editor__save' disabled={busy || undefined} onClick={() => void save()}>
        {busy ? t('children.saving') : t('children.save')}
      </Button>
      {id ? (
        <Button className='btn btn--plain btn--block child-editor__delete' disabled={busy || undefined} onClick={() => setConfirmDelete(true)}>
          {t('children.delete')}
        </Button>
      ) : null}

      <ChildConsentSheet
        open={consentOpen}
        me={me}
        busy={busy}
        error={consentError}
        onAccept={() => void accept()}
        onRefuse={refuse}
        onViewPolicy={onViewPolicy}
      />
      <BottomSheet
        open={confirmDelete}
        title={t('children.deleteConfirmTitle')}
        onClose={() => setConfirmDelete(false)}
        footer={
          <>
            <Button className='btn btn--plain' onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
            <Button className='btn btn--danger child-editor__confirm-delete' disabled={busy || undefined} onClick={() => void remove()}>
              {t('children.delete')}
            </Button>
          </>
        }
      >
        <Text className='child-editor__confirm-text'>{t('children.deleteConfirm', { nickname: existing?.nickname ?? '' })}</Text>
      </BottomSheet>
    </View>
  )
}

import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { t } from '../../../i18n'
import { useQuery } from '../../../services/server-data'
import { institutionsNamed } from '../queries'
import { pressable } from '../../../components/a11y'

type Props = { onPick: (institution: { id: string; name: string }) => void }

/** Asks once the parent pauses typing, not at every keystroke. */
const TYPING_PAUSE_MS = 300

/** Search the registry by name and pick the institution the complaint is about, without leaving the form. */
export function InstitutionPicker({ onPick }: Props) {
  const [typed, setTyped] = useState('')
  const [name, setName] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setName(typed.trim().slice(0, 50)), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [typed])

  const { status, data: found = [], refetch } = useQuery(institutionsNamed(name), { enabled: name !== '' })
  const pick = (institution: { id: string; name: string }) => {
    setTyped('')
    setName('')
    onPick({ id: institution.id, name: institution.name })
  }

  return (
    <View className='institution-picker'>
      <Input
        className='field'
        type='text'
        confirmType='search'
        maxlength={50}
        aria-label={t('complaints.institutionSearchLabel')}
        placeholder={t('complaints.institutionSearch')}
        value={typed}
        onInput={(e) => setTyped(e.detail.value)}
      />
      {name && status === 'loading' ? <Text className='complaint-form__hint'>{t('complaints.institutionSearching')}</Text> : null}
      {name && status === 'error' ? (
        <View {...pressable('button')} className='complaint-form__link' onClick={() => void refetch()}>
          {t('complaints.institutionSearchFailed')}
        </View>
      ) : null}
      {name && status === 'ready' && found.length === 0 ? (
        <Text className='complaint-form__hint'>{t('complaints.institutionSearchEmpty', { q: name })}</Text>
      ) : null}
      {name && found.length ? (
        <View className='institution-picker__results'>
          {found.map((institution) => (
            <View
              key={institution.id}
              className='institution-picker__item'
              {...pressable('button')}
              aria-label={t('complaints.institutionPick', { name: institution.name })}
              onClick={() => pick(institution)}
            >
              <Text className='institution-picker__name'>{institution.name}</Text>
              <Text className='institution-picker__place'>
                {institution.cityName}
                {institution.districtName} · {institution.address}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

import { Button, Input, Picker, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { pressable } from '../../../components/a11y'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { ageInMonths, normaliseBirthMonth } from '../../../utils/age'
import { formatMonth } from '../../../utils/time'
import { useSubsidyStore } from '../store'
import './birth-month-form.scss'

const MAX_AGE_MONTHS = 72 // a typo guard, as in the child editor
/** Expecting parents may look ahead to the due month, as far as the BFF answers (10 months). */
const LOOK_AHEAD_MONTHS = 10

const latestMonth = () => dayjs().add(LOOK_AHEAD_MONTHS, 'month').format('YYYY-MM')

function validate(text: string): { error: string } | { birthMonth: string } {
  const birthMonth = normaliseBirthMonth(text)
  if (!birthMonth) return { error: t('subsidies.birthMonth.invalid') }
  const age = ageInMonths(birthMonth)
  if (age < -LOOK_AHEAD_MONTHS) return { error: t('subsidies.birthMonth.future', { month: formatMonth(latestMonth()) }) }
  if (age > MAX_AGE_MONTHS) return { error: t('subsidies.birthMonth.tooOld') }
  return { birthMonth }
}

/** The birth month kept on this device, for the subsidy estimate and NetCostPanel alike. */
export const useDeviceBirthMonth = () => useSubsidyStore((s) => s.birthMonth)

type Props = {
  submitLabel: string
  /** Above the field while no birth month is kept. */
  ask?: string
  /** Below the button, before the note that the month stays on the phone. */
  notes?: string[]
}

/**
 * Asks for a child's birth month and keeps it on this device only (typed once for the subsidies page and every
 * institution's net cost); it reaches the BFF only as a query. For a parent without an account or a saved child.
 */
export function BirthMonthForm({ submitLabel, ask, notes = [] }: Props) {
  const birthMonth = useSubsidyStore((s) => s.birthMonth)
  const setBirthMonth = useSubsidyStore((s) => s.setBirthMonth)
  const forget = useSubsidyStore((s) => s.forget)
  const [text, setText] = useState(birthMonth ?? '')
  const [error, setError] = useState<string | null>(null)

  const commit = (value: string) => {
    const checked = validate(value)
    if ('error' in checked) {
      setError(checked.error)
      return
    }
    setError(null)
    setText(checked.birthMonth)
    setBirthMonth(checked.birthMonth)
  }

  const clear = () => {
    forget()
    setText('')
    setError(null)
  }

  return (
    <View className='birth-month-form' data-testid='device-birth-month'>
      <Text className='birth-month-form__label'>{t('subsidies.birthMonth.title')}</Text>
      {birthMonth === null && ask ? <Text className='birth-month-form__ask'>{ask}</Text> : null}
      <View className='birth-month-form__row'>
        <Input
          className='field birth-month-form__input'
          maxlength={7}
          placeholder={t('subsidies.birthMonth.placeholder')}
          value={text}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => commit(e.detail.value)}
        />
        <Picker
          mode='date'
          fields='month'
          start={dayjs().subtract(6, 'year').format('YYYY-MM')}
          end={latestMonth()}
          value={normaliseBirthMonth(text) ?? dayjs().subtract(1, 'year').format('YYYY-MM')}
          onChange={(e) => commit(String(e.detail.value).slice(0, 7))}
        >
          <View {...pressable('button')} className='btn btn--ghost btn--small birth-month-form__pick'>
            {t('subsidies.birthMonth.pick')}
          </View>
        </Picker>
      </View>
      <FormError className='birth-month-form__error' message={error} />
      <Button className='btn btn--block birth-month-form__submit' onClick={() => commit(text)}>
        {submitLabel}
      </Button>
      {notes.map((note) => (
        <Text key={note} className='birth-month-form__kept'>
          {note}
        </Text>
      ))}
      <Text className='birth-month-form__kept'>{t('subsidies.birthMonth.kept')}</Text>
      {birthMonth ? (
        <View {...pressable('button')} className='birth-month-form__forget' onClick={clear}>
          {t('subsidies.birthMonth.forget')}
        </View>
      ) : null}
    </View>
  )
}

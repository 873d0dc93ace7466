import { Picker, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { DayPeriod, TimeWindow } from '../../../../types/guidance'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { chinaTime } from '../../../utils/time'
import { MAX_DAYS_AHEAD, MAX_WINDOWS, PERIOD_OPTIONS } from '../constants'
import { pressable } from '../../../components/a11y'
import './guidance.scss'

/** "12月1日 周二 上午". */
export function formatWindow(window: TimeWindow): string {
  return t('guidance.window', { date: dayjs(window.date).format('M月D日 ddd'), period: t(`guidance.period.${window.period}`) })
}

const same = (a: TimeWindow, date: string, period: DayPeriod) => a.date === date && a.period === period

type Props = { value: TimeWindow[]; onChange: (windows: TimeWindow[]) => void }

/** Pick a day (from tomorrow), then tap 上午 / 下午 / 晚上 to add or remove that window; up to six. */
export function TimeWindowsInput({ value, onChange }: Props) {
  const tomorrow = chinaTime().add(1, 'day')
  const first = tomorrow.format('YYYY-MM-DD')
  const last = tomorrow.add(MAX_DAYS_AHEAD - 1, 'day').format('YYYY-MM-DD')
  const [date, setDate] = useState(first)
  const [full, setFull] = useState(false)

  const toggle = (period: DayPeriod) => {
    if (value.some((w) => same(w, date, period))) {
      setFull(false)
      onChange(value.filter((w) => !same(w, date, period)))
      return
    }
    if (value.length >= MAX_WINDOWS) {
      setFull(true)
      return
    }
    const next = [...value, { date, period }].sort(
      (a, b) => a.date.localeCompare(b.date) || PERIOD_OPTIONS.indexOf(a.period) - PERIOD_OPTIONS.indexOf(b.period),
    )
    onChange(next)
  }

  return (
    <View className='time-windows'>
      <View className='time-windows__pick'>
        <Picker mode='date' start={first} end={last} value={date} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='btn btn--ghost btn--small time-windows__date'>{t('guidance.form.day', { date: dayjs(date).format('M月D日 ddd') })}</View>
        </Picker>
        <View className='time-windows__periods' role='group' aria-label={t('guidance.form.periods')}>
          {PERIOD_OPTIONS.map((period) => (
            <Chip key={period} selected={value.some((w) => same(w, date, period))} onClick={() => toggle(period)}>
              {t(`guidance.period.${period}`)}
            </Chip>
          ))}
        </View>
      </View>
      {value.length ? (
        <View className='time-windows__list' data-testid='time-windows'>
          {value.map((w) => (
            <View key={`${w.date}-${w.period}`} className='time-windows__item'>
              <Text>{formatWindow(w)}</Text>
              <View
                className='time-windows__remove'
                {...pressable('button')}
                aria-label={t('guidance.form.removeWindow', { window: formatWindow(w) })}
                onClick={() => onChange(value.filter((x) => !same(x, w.date, w.period)))}
              >
                ×
              </View>
            </View>
          ))}
        </View>
      ) : (
        <Text className='guidance-form__hint'>{t('guidance.form.windowsHint')}</Text>
      )}
      {full ? <Text className='guidance-form__hint'>{t('guidance.form.windowsFull', { max: MAX_WINDOWS })}</Text> : null}
    </View>
  )
}

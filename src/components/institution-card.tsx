import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ClassSummary, InstitutionSummary } from '../../types/institutions'
import { t } from '../i18n'
import { formatDistance, formatMonthlyFee, formatServiceFee } from '../utils/format'
import { formatVacanciesUpdated } from '../utils/time'
import { GradeBadge } from './grade-badge'
import { SanctionWarning } from './sanction-warning'
import { Tag } from './tag'
import { pressable } from './a11y'
import './ui.scss'

type Props = {
  institution: InstitutionSummary
  onOpen: (id: string) => void
  actions?: ReactNode
  /** The age (months) the parent is looking for: the classes that take it are pointed out. */
  ageMonths?: number | null
}

export const fitsAge = (c: ClassSummary, ageMonths: number) => c.minAgeMonths <= ageMonths && ageMonths < c.maxAgeMonths

function fitsText(classes: ClassSummary[], ageMonths: number): string {
  const fitting = classes.filter((c) => fitsAge(c, ageMonths))
  if (fitting.length === 0) return t('institution.fitsNone')
  const names = fitting.map((c) =>
    c.freePlaces > 0 ? t('institution.fitsClass', { name: c.name, count: c.freePlaces }) : t('institution.fitsClassFull', { name: c.name }),
  )
  return t('institution.fits', { classes: names.join('、') })
}

export function InstitutionCard({ institution: item, onOpen, actions, ageMonths = null }: Props) {
  return (
    <View {...pressable('link')} className='card institution-card' onClick={() => onOpen(item.id)}>
      <View className='card__head'>
        <Text className='card__name'>{item.name}</Text>
        {item.distanceKm !== null ? <Text className='card__distance'>{formatDistance(item.distanceKm)}</Text> : null}
      </View>
      <View className='card__meta'>
        <Text>
          {t(`enums.kind.${item.kind}`)} · {item.districtName} · {item.address}
        </Text>
      </View>
      <View className='card__tags'>
        {item.isDemo ? <Tag tone='red'>{t('common.demo')}</Tag> : null}
        {item.inclusive ? <Tag tone='green'>{t('institution.inclusive')}</Tag> : null}
        {item.demonstration ? <Tag tone='blue'>{t('institution.demonstration')}</Tag> : null}
        <Tag>{t(`enums.ownership.${item.ownership}`)}</Tag>
        {item.breachesLimits ? <Tag tone='red'>⚠ {t('institution.breaches')}</Tag> : null}
      </View>
      <SanctionWarning warning={item.warning} />
      <View className='card__row'>
        <GradeBadge grade={item.grade} />
      </View>
      <View className='card__row'>
        <Text className='card__fee'>{item.fee ? formatServiceFee(item.fee) : formatMonthlyFee(item.monthlyFee)}</Text>
        <Text className='card__forms'>{item.serviceForms.map((form) => t(`enums.serviceForm.${form}`)).join(' · ')}</Text>
      </View>
      <View className='card__classes'>
        {item.classes.map((c) => (
          <Text
            key={c.type + c.name}
            className={`card__class ${c.freePlaces > 0 ? 'card__class--free' : ''} ${ageMonths !== null && fitsAge(c, ageMonths) ? 'card__class--fits' : ''}`}
          >
            {c.freePlaces > 0 ? t('institution.classFree', { name: c.name, count: c.freePlaces }) : t('institution.classFull', { name: c.name })}
          </Text>
        ))}
      </View>
      {ageMonths !== null ? <Text className='card__fits'>{fitsText(item.classes, ageMonths)}</Text> : null}
      <View className='card__foot'>
        <Text className='updated'>{formatVacanciesUpdated(item.vacanciesUpdatedAt)}</Text>
        {actions ? (
          <View className='card__actions' onClick={(event) => event.stopPropagation()}>
            {actions}
          </View>
        ) : null}
      </View>
    </View>
  )
}

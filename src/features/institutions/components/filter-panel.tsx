import { Button, Picker, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect, useState, type ReactNode } from 'react'
import { BottomSheet } from '../../../components/bottom-sheet'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { KIND_OPTIONS, OWNERSHIP_OPTIONS, PROFIT_OPTIONS } from '../../../utils/enums'
import { formatMonth } from '../../../utils/time'
import { useQuery } from '../../../services/server-data'
import { budgetOf, emptyFilters, RADIUS_OPTIONS, type InstitutionFilters } from '../filters'
import { gradeScheme } from '../queries'
import { useInstitutionsStore } from '../store'
import { pressable } from '../../../components/a11y'

function Group({ title, children, note }: { title: string; children: ReactNode; note?: string }) {
  return (
    <View className='filters__group'>
      <Text className='filters__title'>{title}</Text>
      {note ? <Text className='filters__note'>{note}</Text> : null}
      <View className='filters__options'>{children}</View>
    </View>
  )
}

function toggled<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
}

/** Filters other than service form and name; edited as a draft and applied together. */
export function FilterPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const applied = useInstitutionsStore((s) => s.filters)
  const near = useInstitutionsStore((s) => s.origin?.kind === 'device')
  // Asked for when the panel first opens; without it the minimum-grade filter simply stays hidden.
  const scheme = useQuery(gradeScheme, { enabled: open }).data
  const setFilters = useInstitutionsStore((s) => s.setFilters)
  const [draft, setDraft] = useState<InstitutionFilters>(applied)

  useEffect(() => {
    if (open) setDraft(applied)
  }, [open, applied])

  const patch = (change: Partial<InstitutionFilters>) => setDraft((current) => ({ ...current, ...change }))
  const apply = () => {
    onClose()
    setFilters(draft)
  }
  const clear = () => setDraft({ ...emptyFilters, serviceForms: draft.serviceForms, q: draft.q })
  const budget = budgetOf(draft.serviceForms)
  const levels = scheme ? [...scheme.levels].sort((a, b) => b.rank - a.rank) : []
  const now = dayjs()

  return (
    <BottomSheet
      open={open}
      title={t('filters.title')}
      onClose={onClose}
      className='filters'
      footer={
        <>
          <Button className='btn btn--plain filters__clear' onClick={clear}>
            {t('filters.clearAll')}
          </Button>
          <Button className='btn filters__apply' onClick={apply}>
            {t('filters.apply')}
          </Button>
        </>
      }
    >
      <Group title={t('filters.radius')} note={near ? undefined : t('filters.radiusNeedsLocation')}>
        {RADIUS_OPTIONS.map((km) => (
          <Chip key={String(km)} selected={draft.radiusKm === km} onClick={() => near && patch({ radiusKm: km })} className={near ? '' : 'chip--disabled'}>
            {km === null ? t('filters.radiusAny') : t('filters.radiusKm', { km })}
          </Chip>
        ))}
      </Group>

      <Group title={t('filters.birthMonth')}>
        <Picker
          mode='date'
          fields='month'
          value={draft.childBirthMonth ?? now.subtract(1, 'year').format('YYYY-MM')}
          start={now.subtract(3, 'year').format('YYYY-MM')}
          end={now.format('YYYY-MM')}
          onChange={(event) => patch({ childBirthMonth: String(event.detail.value).slice(0, 7) })}
        >
          <View className={`chip ${draft.childBirthMonth ? 'chip--selected' : ''} filters__month`}>
            {draft.childBirthMonth ? formatMonth(draft.childBirthMonth) : t('filters.birthMonthPlaceholder')}
          </View>
        </Picker>
        {draft.childBirthMonth ? (
          <View {...pressable('button')} className='filters__link' onClick={() => patch({ childBirthMonth: null })}>
            {t('filters.clearBirthMonth')}
          </View>
        ) : null}
      </Group>

      {levels.length ? (
        <Group title={t('filters.minLevel')}>
          <Chip selected={draft.minLevel === null} onClick={() => patch({ minLevel: null })}>
            {t('filters.anyLevel')}
          </Chip>
          {levels.map((level) => (
            <Chip key={level.code} selected={draft.minLevel === level.code} onClick={() => patch({ minLevel: level.code })}>
              {level.label}
            </Chip>
          ))}
        </Group>
      ) : null}

      <Group title={t('filters.nature')}>
        {OWNERSHIP_OPTIONS.map((value) => (
          <Chip key={value} selected={draft.ownership === value} onClick={() => patch({ ownership: draft.ownership === value ? null : value })}>
            {t(`enums.ownership.${value}`)}
          </Chip>
        ))}
        {PROFIT_OPTIONS.map((value) => (
          <Chip key={value} selected={draft.profit === value} onClick={() => patch({ profit: draft.profit === value ? null : value })}>
            {t(`enums.profit.${value}`)}
          </Chip>
        ))}
        <Chip selected={draft.inclusive} onClick={() => patch({ inclusive: !draft.inclusive })}>
          {t('filters.inclusive')}
        </Chip>
        <Chip selected={draft.demonstration} onClick={() => patch({ demonstration: !draft.demonstration })}>
          {t('filters.demonstration')}
        </Chip>
      </Group>

      <Group title={t('filters.kind')}>
        {KIND_OPTIONS.map((kind) => (
          <Chip key={kind} selected={draft.kinds.includes(kind)} onClick={() => patch({ kinds: toggled(draft.kinds, kind) })}>
            {t(`enums.kind.${kind}`)}
          </Chip>
        ))}
      </Group>

      <Group
        title={t('filters.budget')}
        note={budget.form ? t('filters.budgetNote', { form: t(`enums.serviceForm.${budget.form}`) }) : t('filters.budgetMonthly')}
      >
        <Chip selected={draft.maxFee === null} onClick={() => patch({ maxFee: null })}>
          {t('filters.budgetAny')}
        </Chip>
        {budget.steps.map((amount) => (
          <Chip key={amount} selected={draft.maxFee === amount} onClick={() => patch({ maxFee: amount })}>
            {t('filters.budgetValue', { amount, unit: t(`enums.feeUnit.${budget.unit}`) })}
          </Chip>
        ))}
      </Group>

      <Group title={t('filters.vacancies')}>
        <Chip selected={draft.vacanciesOnly} onClick={() => patch({ vacanciesOnly: !draft.vacanciesOnly })}>
          {t('filters.vacanciesOnly')}
        </Chip>
      </Group>
    </BottomSheet>
  )
}

import { Button, Input, ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { BottomSheet } from '../../../components/bottom-sheet'
import { Chip } from '../../../components/chip'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { normaliseBirthMonth } from '../../../utils/age'
import { DATE_RANGES, KIND_OPTIONS, MODE_OPTIONS, TOPIC_OPTIONS } from '../constants'
import { sheetFilterCount, type ClassFilters } from '../filters'
import { useClassesStore } from '../store'
import { pressable, scrollRegion } from '../../../components/a11y'
import './classes.scss'

/** Topic chips (scroll sideways) and date chips, always in view; the rest behind 筛选. */
export function ClassFilterBar() {
  const filters = useClassesStore((s) => s.filters)
  const setFilters = useClassesStore((s) => s.setFilters)
  const [open, setOpen] = useState(false)
  const count = sheetFilterCount(filters)

  return (
    <View className='class-filters'>
      <ScrollView scrollX className='class-filters__scroll' enableFlex {...scrollRegion(t('classes.filters.topic'))}>
        <View className='class-filters__row'>
          <Chip selected={filters.topic === null} onClick={() => setFilters({ topic: null })}>
            {t('classes.filters.allTopics')}
          </Chip>
          {TOPIC_OPTIONS.map((topic) => (
            <Chip key={topic} selected={filters.topic === topic} onClick={() => setFilters({ topic: filters.topic === topic ? null : topic })}>
              {t(`classes.topic.${topic}`)}
            </Chip>
          ))}
        </View>
      </ScrollView>
      <View className='class-filters__row class-filters__dates'>
        <View className='class-filters__chips' role='group' aria-label={t('classes.filters.dates')}>
          {DATE_RANGES.map((range) => (
            <Chip key={range} selected={filters.dates === range} onClick={() => setFilters({ dates: range })}>
              {t(`classes.filters.range.${range}`)}
            </Chip>
          ))}
        </View>
        <View className={`class-filters__more ${count ? 'class-filters__more--on' : ''}`} {...pressable('button')} onClick={() => setOpen(true)}>
          {count ? t('classes.filters.moreCount', { count }) : t('classes.filters.more')}
        </View>
      </View>
      <ClassFilterSheet open={open} filters={filters} onClose={() => setOpen(false)} onApply={setFilters} />
    </View>
  )
}

type SheetProps = { open: boolean; filters: ClassFilters; onClose: () => void; onApply: (patch: Partial<ClassFilters>) => void }

function ClassFilterSheet({ open, filters, onClose, onApply }: SheetProps) {
  const [kind, setKind] = useState(filters.kind)
  const [mode, setMode] = useState(filters.mode)
  const [birthMonth, setBirthMonth] = useState(filters.childBirthMonth ?? '')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    setKind(filters.kind)
    setMode(filters.mode)
    setBirthMonth(filters.childBirthMonth ?? '')
    setError(null)
  }, [open, filters])

  const apply = () => {
    const typed = birthMonth.trim()
    const month = typed ? normaliseBirthMonth(typed) : null
    if (typed && !month) {
      setError(t('classes.filters.birthMonthInvalid'))
      return
    }
    onApply({ kind, mode, childBirthMonth: month })
    onClose()
  }

  const footer = (
    <>
      <Button
        className='btn btn--plain class-filters__foot-btn'
        onClick={() => {
          onApply({ kind: null, mode: null, childBirthMonth: null })
          onClose()
        }}
      >
        {t('common.reset')}
      </Button>
      <Button className='btn class-filters__foot-btn' onClick={apply}>
        {t('classes.filters.apply')}
      </Button>
    </>
  )

  return (
    <BottomSheet open={open} title={t('classes.filters.title')} onClose={onClose} footer={footer}>
      <Text className='class-filters__label'>{t('classes.filters.mode')}</Text>
      <View className='class-filters__chips' role='group' aria-label={t('classes.filters.mode')}>
        <Chip selected={mode === null} onClick={() => setMode(null)}>
          {t('common.all')}
        </Chip>
        {MODE_OPTIONS.map((value) => (
          <Chip key={value} selected={mode === value} onClick={() => setMode(value)}>
            {t(`classes.mode.${value}`)}
          </Chip>
        ))}
      </View>
      <Text className='class-filters__label'>{t('classes.filters.kind')}</Text>
      <View className='class-filters__chips' role='group' aria-label={t('classes.filters.kind')}>
        <Chip selected={kind === null} onClick={() => setKind(null)}>
          {t('common.all')}
        </Chip>
        {KIND_OPTIONS.map((value) => (
          <Chip key={value} selected={kind === value} onClick={() => setKind(value)}>
            {t(`classes.kind.${value}`)}
          </Chip>
        ))}
      </View>
      <Text className='class-filters__label'>{t('classes.filters.birthMonth')}</Text>
      <Input
        className='field'
        maxlength={8}
        placeholder={t('classes.filters.birthMonthPlaceholder')}
        value={birthMonth}
        onInput={(e) => setBirthMonth(e.detail.value)}
      />
      <FormError className='class-error' message={error} />
    </BottomSheet>
  )
}

import { View } from '@tarojs/components'
import type { InstitutionSort } from '../../../../types/institutions'
import { t } from '../../../i18n'
import { countPanelFilters } from '../filters'
import { useInstitutionsStore } from '../store'
import { pressable } from '../../../components/a11y'

const SORTS: InstitutionSort[] = ['distance', 'grade', 'fee']

export function SortBar({ onOpenFilters }: { onOpenFilters: () => void }) {
  const sort = useInstitutionsStore((s) => s.sort)
  const setSort = useInstitutionsStore((s) => s.setSort)
  const near = useInstitutionsStore((s) => s.origin?.kind === 'device')
  const panelCount = useInstitutionsStore((s) => countPanelFilters(s.filters))
  const options = near ? SORTS : SORTS.filter((option) => option !== 'distance')

  return (
    <View className='finder__sortbar'>
      <View className='finder__sorts' role='radiogroup' aria-label={t('sort.label')}>
        {options.map((option) => (
          <View
            key={option}
            {...pressable('radio')}
            aria-checked={sort === option}
            className={`finder__sort ${sort === option ? 'finder__sort--active' : ''}`}
            onClick={() => sort !== option && setSort(option)}
          >
            {t(`sort.${option}`)}
          </View>
        ))}
      </View>
      <View {...pressable('button')} className={`finder__filter-btn ${panelCount ? 'finder__filter-btn--active' : ''}`} onClick={onOpenFilters}>
        {panelCount ? t('list.filterCount', { count: panelCount }) : t('list.filter')}
      </View>
    </View>
  )
}

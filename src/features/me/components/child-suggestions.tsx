import { Text, View } from '@tarojs/components'
import type { Child } from '../../../../types/me'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { formatAge } from '../../../utils/age'
import './me.scss'

type Props = { items: Child[]; selected: string | null; onSelect: (birthMonth: string | null) => void }

/** "按 小明（1岁2个月）筛选": one chip per child; tapping again clears the filter. */
export function ChildSuggestions({ items, selected, onSelect }: Props) {
  if (items.length === 0) return null
  return (
    <View className='child-suggestions'>
      <Text className='child-suggestions__hint'>{t('suggest.hint')}</Text>
      <View className='child-suggestions__chips'>
        {items.map((child) => {
          const on = selected === child.birthMonth
          return (
            <Chip key={child.id} selected={on} className='child-suggestion' onClick={() => onSelect(on ? null : child.birthMonth)}>
              {t('suggest.byChild', { nickname: child.nickname, age: formatAge(child.ageMonths) })}
            </Chip>
          )
        })}
      </View>
    </View>
  )
}

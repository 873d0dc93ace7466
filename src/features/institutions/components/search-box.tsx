import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { t } from '../../../i18n'
import { useInstitutionsStore } from '../store'
import { pressable } from '../../../components/a11y'

export function SearchBox() {
  const applied = useInstitutionsStore((s) => s.filters.q)
  const setFilters = useInstitutionsStore((s) => s.setFilters)
  const [text, setText] = useState(applied)
  useEffect(() => setText(applied), [applied])

  const submit = () => {
    if (text.trim() !== applied.trim()) setFilters({ q: text.trim() })
  }

  return (
    <View className='finder__search'>
      <Text className='finder__search-icon'>⌕</Text>
      <Input
        className='finder__search-input'
        type='text'
        confirmType='search'
        value={text}
        maxlength={50}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchPlaceholder')}
        onInput={(event) => setText(event.detail.value)}
        onConfirm={submit}
      />
      <View {...pressable('button')} className='finder__search-btn' onClick={submit}>
        {t('list.search')}
      </View>
    </View>
  )
}

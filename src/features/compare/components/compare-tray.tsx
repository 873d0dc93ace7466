import { Button, Text, View } from '@tarojs/components'
import { t } from '../../../i18n'
import { openCompare } from '../../../utils/routes'
import { MAX_COMPARE, MIN_COMPARE, useCompareStore } from '../store'
import { pressable } from '../../../components/a11y'
import './compare.scss'

export function CompareTray() {
  const candidates = useCompareStore((s) => s.candidates)
  const remove = useCompareStore((s) => s.remove)
  const clear = useCompareStore((s) => s.clear)
  if (candidates.length === 0) return null
  const ready = candidates.length >= MIN_COMPARE
  return (
    <View className='compare-tray'>
      <View className='compare-tray__info'>
        <View className='compare-tray__head'>
          <Text className='compare-tray__count'>{t('compare.tray', { count: candidates.length, max: MAX_COMPARE })}</Text>
          <View {...pressable('button')} className='compare-tray__clear' onClick={clear}>
            {t('compare.clear')}
          </View>
        </View>
        <View className='compare-tray__names'>
          {candidates.map((c) => (
            <View {...pressable('button')} key={c.id} className='compare-tray__name' onClick={() => remove(c.id)}>
              {c.name} ✕
            </View>
          ))}
        </View>
      </View>
      {ready ? (
        <Button className='btn compare-tray__start' onClick={openCompare}>
          {t('compare.start')}
        </Button>
      ) : (
        <Text className='compare-tray__hint'>{t('compare.trayHint', { count: MIN_COMPARE - candidates.length })}</Text>
      )}
    </View>
  )
}

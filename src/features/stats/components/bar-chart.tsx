import { Text, View } from '@tarojs/components'
import './stats.scss'

export type Bar = { key: string; label: string; value: number; muted?: boolean }

type Props = {
  bars: Bar[]
  /** The figure written after each bar, e.g. "12 家 · 30.0%". */
  describe: (bar: Bar, share: number) => string
  label: string
}

/** Horizontal bars drawn as Views: each bar's width is its share of the total, and its figure is written beside it. */
export function BarChart({ bars, describe, label }: Props) {
  const total = bars.reduce((sum, bar) => sum + bar.value, 0)
  return (
    <View className='bars' role='list' aria-label={label}>
      {bars.map((bar) => {
        const share = total > 0 ? bar.value / total : 0
        return (
          <View key={bar.key} className='bars__row' role='listitem' data-testid='bar'>
            <View className='bars__head'>
              <Text className='bars__label'>{bar.label}</Text>
              <Text className='bars__value'>{describe(bar, share)}</Text>
            </View>
            <View className='bars__track'>
              <View className={`bars__fill ${bar.muted ? 'bars__fill--muted' : ''}`} style={{ width: `${(share * 100).toFixed(1)}%` }} />
            </View>
          </View>
        )
      })}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { pressable } from './a11y'
import './ui.scss'

type Props = { title: string; extra?: string; onClick: () => void; tone?: 'danger'; className?: string }

/** One tappable line of a settings-style list: title on the left, a note and › on the right. */
export function ListRow({ title, extra, onClick, tone, className = '' }: Props) {
  return (
    <View className={`list-row ${tone ? `list-row--${tone}` : ''} ${className}`} {...pressable('link')} onClick={onClick}>
      <Text className='list-row__title'>{title}</Text>
      <Text className='list-row__extra'>{extra ? `${extra} ` : ''}›</Text>
    </View>
  )
}

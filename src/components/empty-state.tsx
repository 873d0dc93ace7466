import { Button, Text, View } from '@tarojs/components'
import './ui.scss'

type Props = { title: string; hint?: string; actionText?: string; onAction?: () => void }

export function EmptyState({ title, hint, actionText, onAction }: Props) {
  return (
    <View className='state state--empty'>
      <Text className='state__icon'>○</Text>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
      {actionText && onAction ? (
        <Button className='btn btn--ghost state__action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}

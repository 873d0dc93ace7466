import { Button, Text, View } from '@tarojs/components'
import { t } from '../i18n'
import './ui.scss'

type Props = { title?: string; message: string; onRetry: () => void }

export function ErrorView({ title = t('errors.generic'), message, onRetry }: Props) {
  return (
    <View className='state state--error' role='alert'>
      <Text className='state__icon'>!</Text>
      <Text className='state__title'>{title}</Text>
      <Text className='state__hint'>{message}</Text>
      <Button className='btn state__action' onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </View>
  )
}

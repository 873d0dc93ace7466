import { Text } from '@tarojs/components'
import { formatUpdated } from '../utils/time'
import './ui.scss'

export function UpdatedAt({ value }: { value: string }) {
  return <Text className='updated'>{formatUpdated(value)}</Text>
}

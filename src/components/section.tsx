import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './ui.scss'

type Props = { title: string; extra?: ReactNode; children: ReactNode; className?: string }

export function Section({ title, extra, children, className = '' }: Props) {
  return (
    <View className={`section ${className}`}>
      <View className='section__head'>
        <Text className='section__title'>{title}</Text>
        {extra ? <View className='section__extra'>{extra}</View> : null}
      </View>
      {children}
    </View>
  )
}

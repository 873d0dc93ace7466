import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './ui.scss'

export type TagTone = 'blue' | 'green' | 'orange' | 'red' | 'gray'

export function Tag({ tone = 'gray', children, className = '' }: { tone?: TagTone; children: ReactNode; className?: string }) {
  return <Text className={`tag tag--${tone} ${className}`}>{children}</Text>
}

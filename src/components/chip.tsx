import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { pressable } from './a11y'
import './ui.scss'

type Props = { selected: boolean; onClick: () => void; children: ReactNode; className?: string }

export function Chip({ selected, onClick, children, className = '' }: Props) {
  return (
    <View className={`chip ${selected ? 'chip--selected' : ''} ${className}`} {...pressable('checkbox')} aria-checked={selected} onClick={onClick}>
      {children}
    </View>
  )
}

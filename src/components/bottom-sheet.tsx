import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { t } from '../i18n'
import { pressable, scrollRegion } from './a11y'
import './ui.scss'

type Props = { open: boolean; title: string; onClose: () => void; children: ReactNode; footer?: ReactNode; className?: string }

export function BottomSheet({ open, title, onClose, children, footer, className = '' }: Props) {
  if (!open) return null
  return (
    <View className={`sheet ${className}`} role='dialog' aria-label={title}>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{title}</Text>
          <View {...pressable('button')} className='sheet__close' onClick={onClose}>
            {t('common.close')}
          </View>
        </View>
        {/* It scrolls when the options outgrow the screen: focusable, so a keyboard can scroll it too. */}
        <View className='sheet__body' {...scrollRegion(title)}>
          {children}
        </View>
        {footer ? <View className='sheet__foot'>{footer}</View> : null}
      </View>
    </View>
  )
}

import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

type Props = {
  /** Nothing shows without one. */
  message: string | null | undefined
  /** The form's own error style, e.g. 'complaint-form__error'. */
  className: string
  /** The field the message is about (data-field), when it sits under that field. */
  field?: string
  /** Shown after the message, e.g. a retry button. */
  children?: ReactNode
}

/** A form's error message, announced to screen readers as an alert. */
export function FormError({ message, className, field, children }: Props) {
  if (!message) return null
  return (
    <View className={className} role='alert' data-field={field}>
      {message}
      {children}
    </View>
  )
}

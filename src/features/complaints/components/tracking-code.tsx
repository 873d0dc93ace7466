import { Text, View } from '@tarojs/components'
import { codeGroups } from '../format'

type Props = { code: string; className?: string }

/**
 * A tracking number or secret that may wrap between its groups but never inside one: a reporter copies it by hand
 * from the screen, and a group split over two lines is easily mistyped. The text is still the code, unchanged.
 */
export function TrackingCode({ code, className = '' }: Props) {
  return (
    // A secret's dashes already part its groups; a tracking number's groups get a gap.
    <View className={`tracking-code ${code.includes('-') ? '' : 'tracking-code--spaced'} ${className}`}>
      {codeGroups(code).map((group, i) => (
        <Text key={i} className='tracking-code__group' userSelect>
          {group}
        </Text>
      ))}
    </View>
  )
}

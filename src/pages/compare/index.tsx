import { View } from '@tarojs/components'
import { CompareView } from '../../features/compare/components/compare-view'
import { useOrigin } from '../../features/location/store'

export default function ComparePage() {
  const origin = useOrigin()
  return (
    <View className='page-compare'>
      <CompareView origin={origin} />
    </View>
  )
}

import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ComplaintFollow } from '../../features/complaints/components/complaint-follow'

export default function ComplaintFollowPage() {
  const { tn } = useRouter().params
  return (
    <View className='page-complaint-follow'>
      <ComplaintFollow trackingNumber={tn || undefined} />
    </View>
  )
}

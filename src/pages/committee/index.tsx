import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { CommitteePageView } from '../../features/notices/components/committee-page-view'

export default function CommitteePage() {
  const { institutionId } = useRouter().params
  return <View className='page-committee'>{institutionId ? <CommitteePageView institutionId={institutionId} /> : null}</View>
}

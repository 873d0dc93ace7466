import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { BulletinDetail } from '../../features/bulletins/components/bulletin-detail'
import { openInstitution } from '../../utils/routes'

export default function BulletinDetailPage() {
  const { id } = useRouter().params
  return <View className='page-bulletin'>{id ? <BulletinDetail id={id} onOpenInstitution={openInstitution} /> : null}</View>
}

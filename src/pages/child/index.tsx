import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ChildEditor } from '../../features/me/components/child-editor'
import { goBackOr, openPage, routes } from '../../utils/routes'

export default function ChildPage() {
  const { id } = useRouter().params
  return (
    <View className='page-child'>
      <ChildEditor id={id || undefined} onDone={() => goBackOr(routes.me)} onViewPolicy={() => openPage(routes.privacy)} />
    </View>
  )
}

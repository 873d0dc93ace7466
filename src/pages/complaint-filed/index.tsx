import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { FiledSuccess } from '../../features/complaints/components/filed-success'
import { routes } from '../../utils/routes'

export default function ComplaintFiledPage() {
  const { tn } = useRouter().params
  return (
    <View className='page-complaint-filed'>
      <FiledSuccess
        trackingNumber={tn}
        onFollow={(trackingNumber) => void Taro.redirectTo({ url: routes.complaintFollow(trackingNumber) })}
        onHome={() => void Taro.switchTab({ url: routes.complaints })}
      />
    </View>
  )
}

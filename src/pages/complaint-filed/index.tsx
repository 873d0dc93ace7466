import Taro, { useRouter } from '@tarojs/taro'
import { FiledSuccess } from '../../features/complaints/components/filed-success'
import { routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function ComplaintFiledPage() {
  const { tn } = useRouter().params
  return (
    <PageFrame className='page-complaint-filed'>
      <FiledSuccess
        trackingNumber={tn}
        onFollow={(trackingNumber) => void Taro.redirectTo({ url: routes.complaintFollow(trackingNumber) })}
        onHome={() => void Taro.switchTab({ url: routes.complaints })}
      />
    </PageFrame>
  )
}

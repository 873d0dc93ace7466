import { useRouter } from '@tarojs/taro'
import { ComplaintFollow } from '../../features/complaints/components/complaint-follow'
import { PageFrame } from '../../components/page-frame'

export default function ComplaintFollowPage() {
  const { tn } = useRouter().params
  return (
    <PageFrame className='page-complaint-follow'>
      <ComplaintFollow trackingNumber={tn || undefined} />
    </PageFrame>
  )
}

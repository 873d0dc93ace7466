import { useRouter } from '@tarojs/taro'
import { CommitteePageView } from '../../features/notices/components/committee-page-view'
import { PageFrame } from '../../components/page-frame'

export default function CommitteePage() {
  const { institutionId } = useRouter().params
  return <PageFrame className='page-committee'>{institutionId ? <CommitteePageView institutionId={institutionId} /> : null}</PageFrame>
}

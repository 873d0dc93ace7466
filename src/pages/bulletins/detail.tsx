import { useRouter } from '@tarojs/taro'
import { BulletinDetail } from '../../features/bulletins/components/bulletin-detail'
import { openInstitution } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function BulletinDetailPage() {
  const { id } = useRouter().params
  return <PageFrame className='page-bulletin'>{id ? <BulletinDetail id={id} onOpenInstitution={openInstitution} /> : null}</PageFrame>
}

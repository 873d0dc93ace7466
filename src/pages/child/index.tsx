import { useRouter } from '@tarojs/taro'
import { ChildEditor } from '../../features/me/components/child-editor'
import { goBackOr, openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function ChildPage() {
  const { id } = useRouter().params
  return (
    <PageFrame className='page-child'>
      <ChildEditor id={id || undefined} onDone={() => goBackOr(routes.me)} onViewPolicy={() => openPage(routes.privacy)} />
    </PageFrame>
  )
}

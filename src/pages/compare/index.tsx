import { CompareView } from '../../features/compare/components/compare-view'
import { useOrigin } from '../../features/location/store'
import { PageFrame } from '../../components/page-frame'

export default function ComparePage() {
  const origin = useOrigin()
  return (
    <PageFrame className='page-compare'>
      <CompareView origin={origin} />
    </PageFrame>
  )
}

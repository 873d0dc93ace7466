import { SanctionList } from '../../features/sanctions/components/sanction-list'
import { openInstitution } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'
import { useRegions } from '../../services/regions'

export default function SanctionsPage() {
  const cities = useRegions().data?.cities ?? []
  return (
    <PageFrame className='page-sanctions'>
      <SanctionList cities={cities.map((c) => ({ code: c.code, name: c.name }))} onOpenInstitution={openInstitution} />
    </PageFrame>
  )
}

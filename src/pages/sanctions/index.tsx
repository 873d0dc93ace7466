import { useEffect } from 'react'
import { useLocationStore } from '../../features/location/store'
import { SanctionList } from '../../features/sanctions/components/sanction-list'
import { openInstitution } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function SanctionsPage() {
  const cities = useLocationStore((s) => s.cities)
  useEffect(() => {
    void useLocationStore.getState().loadRegions()
  }, [])
  return (
    <PageFrame className='page-sanctions'>
      <SanctionList cities={cities.map((c) => ({ code: c.code, name: c.name }))} onOpenInstitution={openInstitution} />
    </PageFrame>
  )
}

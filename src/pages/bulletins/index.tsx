import { useEffect } from 'react'
import { BulletinList } from '../../features/bulletins/components/bulletin-list'
import { useLocationStore } from '../../features/location/store'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function BulletinsPage() {
  const cities = useLocationStore((s) => s.cities)
  useEffect(() => {
    void useLocationStore.getState().loadRegions()
  }, [])
  return (
    <PageFrame className='page-bulletins'>
      <BulletinList cities={cities.map((c) => ({ code: c.code, name: c.name }))} onOpen={(id) => openPage(routes.bulletin(id))} />
    </PageFrame>
  )
}

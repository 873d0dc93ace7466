import { BulletinList } from '../../features/bulletins/components/bulletin-list'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'
import { useRegions } from '../../services/regions'

export default function BulletinsPage() {
  const cities = useRegions().data?.cities ?? []
  return (
    <PageFrame className='page-bulletins'>
      <BulletinList cities={cities.map((c) => ({ code: c.code, name: c.name }))} onOpen={(id) => openPage(routes.bulletin(id))} />
    </PageFrame>
  )
}

import { useSignedIn } from '../../features/auth/store'
import { ComplaintsHome } from '../../features/complaints/components/complaints-home'
import { openPage, routes } from '../../utils/routes'
import { useTabBadge } from '../../features/notices/use-tab-badge'
import { PageFrame } from '../../components/page-frame'

export default function ComplaintsPage() {
  const signedIn = useSignedIn()
  useTabBadge(false)
  return (
    <PageFrame className='page-complaints'>
      <ComplaintsHome
        signedIn={signedIn}
        onFile={() => openPage(routes.complaintNew())}
        onTrack={() => openPage(routes.complaintFollow())}
        onOpen={(tn) => openPage(routes.complaintFollow(tn))}
      />
    </PageFrame>
  )
}

import { useRouter } from '@tarojs/taro'
import { CompareButton } from '../../features/compare/components/compare-toggle'
import { CompareTray } from '../../features/compare/components/compare-tray'
import { ComplainButton } from '../../features/complaints/components/complain-button'
import { FavouriteButton } from '../../features/favourites/components/favourite-button'
import { InstitutionDetailView } from '../../features/institutions/components/institution-detail'
import { useOrigin } from '../../features/location/store'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function InstitutionPage() {
  const { id } = useRouter().params
  const origin = useOrigin()
  return (
    <PageFrame className='page-institution'>
      <InstitutionDetailView
        id={id}
        origin={origin}
        onOpenCommittee={(detail) => openPage(routes.committee(detail.id))}
        renderActions={(detail) => (
          <>
            <FavouriteButton institution={detail} />
            <CompareButton institution={detail} />
            <ComplainButton onClick={() => openPage(routes.complaintNew({ id: detail.id, name: detail.name }))} />
          </>
        )}
      />
      <CompareTray />
    </PageFrame>
  )
}

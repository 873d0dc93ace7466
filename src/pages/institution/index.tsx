import { useRouter } from '@tarojs/taro'
import { useSignedIn } from '../../features/auth/store'
import { CompareButton } from '../../features/compare/components/compare-toggle'
import { CompareTray } from '../../features/compare/components/compare-tray'
import { ComplainButton } from '../../features/complaints/components/complain-button'
import { FavouriteButton } from '../../features/favourites/components/favourite-button'
import { PriceCapFlag } from '../../features/guide-prices/components/price-cap-flag'
import { InstitutionDetailView } from '../../features/institutions/components/institution-detail'
import { useOrigin } from '../../features/location/store'
import { useChildren } from '../../features/me/queries'
import { PrepaymentPanel } from '../../features/prepayments/components/prepayment-panel'
import { ChildNetCost } from '../../features/subsidies/components/child-net-cost'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function InstitutionPage() {
  const { id } = useRouter().params
  const origin = useOrigin()
  const signedIn = useSignedIn()
  const savedChildren = useChildren(signedIn).data ?? []
  return (
    <PageFrame className='page-institution'>
      <InstitutionDetailView
        id={id}
        origin={origin}
        onOpenCommittee={(detail) => openPage(routes.committee(detail.id))}
        renderMoney={(detail) => (
          <>
            <PriceCapFlag institutionId={detail.id} />
            <ChildNetCost institutionId={detail.id} forms={detail.services.map((s) => s.form)} savedChildren={savedChildren} />
            <PrepaymentPanel institution={{ id: detail.id, name: detail.name }} />
          </>
        )}
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

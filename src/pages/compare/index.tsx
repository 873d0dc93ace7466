import { useSignedIn } from '../../features/auth/store'
import { CompareView } from '../../features/compare/components/compare-view'
import { PriceCapFlag } from '../../features/guide-prices/components/price-cap-flag'
import { useOrigin } from '../../features/location/store'
import { useChildren } from '../../features/me/queries'
import { InstitutionPrepaymentBadge } from '../../features/prepayments/components/prepayment-badge'
import { useDeviceBirthMonth } from '../../features/subsidies/components/birth-month-form'
import { NetCostFigure } from '../../features/subsidies/components/net-cost-figure'
import { PageFrame } from '../../components/page-frame'

export default function ComparePage() {
  const origin = useOrigin()
  const signedIn = useSignedIn()
  // The first saved child, else the birth month kept on the device: the same child for every institution compared.
  const firstChild = useChildren(signedIn).data?.[0]
  const deviceBirthMonth = useDeviceBirthMonth()
  const birthMonth = firstChild?.birthMonth ?? deviceBirthMonth
  return (
    <PageFrame className='page-compare'>
      <CompareView
        origin={origin}
        renderBadges={(item) => (
          <>
            <InstitutionPrepaymentBadge institutionId={item.id} />
            <PriceCapFlag institutionId={item.id} compact />
            <NetCostFigure institutionId={item.id} birthMonth={birthMonth} />
          </>
        )}
      />
    </PageFrame>
  )
}

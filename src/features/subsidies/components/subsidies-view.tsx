import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Chip } from '../../../components/chip'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeError, errorCodeOf } from '../../../services/http'
import { useRegions } from '../../../services/regions'
import { formatAge } from '../../../utils/age'
import { useMySubsidies } from '../queries'
import { BirthMonthEstimate } from './birth-month-estimate'
import { EstimateView } from './estimate-view'
import './subsidies.scss'

type Props = {
  signedIn: boolean
  /** The parent's 市州 when known (a picked region), else null: the BFF then counts no 市州's own programme. */
  cityCode: string | null
  /** The child to show first (from a link on that child). */
  childId?: string
}

function RegionNote({ cityCode }: { cityCode: string | null }) {
  const regions = useRegions({ enabled: cityCode !== null })
  if (!cityCode) return <Text className='subsidies__region'>{t('subsidies.regionNone')}</Text>
  const city = regions.data?.cities.find((c) => c.code === cityCode)
  return city ? <Text className='subsidies__region'>{t('subsidies.regionCity', { city: city.name })}</Text> : null
}

/**
 * 育儿补贴: for each of a signed-in parent's children, else for a birth month kept on the device. A parent signed in
 * before agreeing to the children's-data consent has no children here: the device's birth month serves them too.
 */
export function SubsidiesView({ signedIn, cityCode, childId }: Props) {
  const mine = useMySubsidies(signedIn, cityCode)
  const [chosen, setChosen] = useState<string | null>(childId ?? null)
  const children = mine.data?.items ?? []
  const code = mine.status === 'error' ? errorCodeOf(mine.error) : undefined
  const noChildren = code === 'consent_required' || code === 'forbidden'

  let body
  if (!signedIn) {
    body = <BirthMonthEstimate cityCode={cityCode} hint={t('subsidies.signInHint')} />
  } else if (mine.status === 'error' && !mine.data && !noChildren) {
    body = <ErrorView title={t('subsidies.loadFailed')} message={describeError(mine.error)} onRetry={() => void mine.refetch()} />
  } else if (!mine.data && !noChildren) {
    body = <View className='subsidies__loading'>{t('subsidies.loading')}</View>
  } else if (children.length === 0) {
    body = <BirthMonthEstimate cityCode={cityCode} hint={t('subsidies.addChildHint')} />
  } else {
    const child = children.find((c) => c.childId === chosen) ?? children[0]
    body = (
      <>
        {children.length > 1 ? (
          <View className='subsidies__children' role='group' aria-label={t('subsidies.childrenLabel')}>
            {children.map((c) => (
              <Chip key={c.childId} selected={c.childId === child.childId} onClick={() => setChosen(c.childId)}>
                {t('subsidies.childChip', { nickname: c.nickname, age: formatAge(ageOf(c.estimate.birthMonth, c.estimate.asOfMonth)) })}
              </Chip>
            ))}
          </View>
        ) : null}
        <EstimateView key={child.childId} estimate={child.estimate} title={t('subsidies.forChild', { nickname: child.nickname })} />
      </>
    )
  }

  return (
    <View className='subsidies'>
      <View className='subsidies__intro'>
        <Text>{t('subsidies.intro')}</Text>
        <RegionNote cityCode={cityCode} />
      </View>
      {body}
    </View>
  )
}

/** Whole months from the birth month to the month the figures are for (both 'YYYY-MM'). */
function ageOf(birthMonth: string, asOfMonth: string): number {
  const [by, bm] = birthMonth.split('-').map(Number)
  const [ay, am] = asOfMonth.split('-').map(Number)
  return (ay - by) * 12 + (am - bm)
}

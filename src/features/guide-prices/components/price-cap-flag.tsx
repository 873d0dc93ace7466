import { Text, View } from '@tarojs/components'
import type { GuidePrice, PriceCheck } from '../../../../types/guide-prices'
import { pressable } from '../../../components/a11y'
import { t } from '../../../i18n'
import { formatAmount } from '../../../utils/format'
import { formatDate } from '../../../utils/time'
import { usePriceCheck } from '../queries'
import './price-cap-flag.scss'

type Props = {
  institutionId: string
  /** One line for narrow places (compare's columns): the flag or the calm line, no documents, nothing while it cannot be had. */
  compact?: boolean
}

const scopeOf = (price: GuidePrice) => t(`guidePrices.scope.${price.scope}`)

/** Each guide price behind the checks once, with its document, the day it took effect and 截至 the day it was last saved. */
function Sources({ checks }: { checks: PriceCheck[] }) {
  const prices = [...new Map(checks.map((c) => [c.guidePrice.id, c.guidePrice])).values()]
  const documents = [...new Map(prices.map((p) => [`${p.sourceDocument}|${p.validFrom}|${p.checkedOn}`, p])).values()]
  return (
    <>
      {documents.map((price) => (
        <Text key={price.id} className='price-cap__source'>
          {t('guidePrices.source', { document: price.sourceDocument, from: formatDate(price.validFrom), date: formatDate(price.checkedOn) })}
        </Text>
      ))}
    </>
  )
}

function overLine(check: PriceCheck) {
  return t('guidePrices.overLine', {
    form: t(`enums.serviceForm.${check.form}`),
    class: t(`enums.classType.${check.classType}`),
    fee: formatAmount(check.feeYuan),
    over: formatAmount(check.overByYuan),
    cap: formatAmount(check.guidePrice.capYuan),
  })
}

/**
 * 指导价 for a 普惠 or public institution: a flag naming each fee above its cap (超出指导价 N 元) with the document and
 * 截至, or a calm line when every fee is within; nothing at all where caps do not apply (`capped` false).
 */
export function PriceCapFlag({ institutionId, compact = false }: Props) {
  const { data, status, refetch } = usePriceCheck(institutionId)

  if (!data) {
    if (status !== 'error' || compact) return null
    return (
      <View className='price-cap price-cap--unknown' data-testid='price-cap-flag' data-state='error'>
        <Text className='price-cap__text'>{t('guidePrices.loadFailed')}</Text>
        <View {...pressable('button')} className='price-cap__retry' onClick={() => void refetch()}>
          {t('common.retry')}
        </View>
      </View>
    )
  }
  if (!data.capped) return null
  if (data.checks.length === 0) {
    return compact ? null : (
      <View className='price-cap price-cap--none' data-testid='price-cap-flag' data-state='no-cap'>
        <Text className='price-cap__text'>{t('guidePrices.noCap')}</Text>
      </View>
    )
  }

  const over = data.checks.filter((c) => c.over)
  const [first] = over.length ? over : data.checks
  const place = { city: first.guidePrice.cityName, scope: scopeOf(first.guidePrice) }

  if (over.length === 0) {
    return (
      <View className={`price-cap price-cap--within ${compact ? 'price-cap--compact' : ''}`} data-testid='price-cap-flag' data-state='within'>
        <View className='price-cap__head'>
          <Text className='price-cap__mark' aria-hidden>
            ✓
          </Text>
          <Text className='price-cap__text'>{t('guidePrices.within', place)}</Text>
        </View>
        {compact ? null : <Sources checks={data.checks} />}
      </View>
    )
  }

  const most = Math.max(...over.map((c) => c.overByYuan))
  return (
    <View className={`price-cap price-cap--over ${compact ? 'price-cap--compact' : ''}`} data-testid='price-cap-flag' data-state='over'>
      <View className='price-cap__head'>
        <Text className='price-cap__mark' aria-hidden>
          !
        </Text>
        <Text className='price-cap__title'>{compact ? t('guidePrices.overShort', { amount: formatAmount(most) }) : t('guidePrices.overTitle', place)}</Text>
      </View>
      {compact ? null : (
        <>
          <View role='list' className='price-cap__lines'>
            {over.map((check) => (
              <View key={`${check.form}-${check.classType}`} role='listitem' className='price-cap__line'>
                {overLine(check)}
              </View>
            ))}
          </View>
          <Sources checks={over} />
        </>
      )}
    </View>
  )
}

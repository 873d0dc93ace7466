import { Text, View } from '@tarojs/components'
import type { ClassType, FeeItem, InstitutionDetail, ServiceOffer } from '../../../../types/institutions'
import { Section } from '../../../components/section'
import { UpdatedAt } from '../../../components/updated-at'
import { t } from '../../../i18n'
import { formatAmount } from '../../../utils/format'
import './fee-table.scss'

/** The order classes are listed in, youngest first (乳儿班 托小班 托大班 混龄班 幼儿园托班); the compiler checks it has every type. */
const CLASS_ORDER = { infant: 0, toddler: 1, senior: 2, mixed: 3, kindergarten: 4 } satisfies Record<ClassType, number>

type Props = { detail: Pick<InstitutionDetail, 'services' | 'feeItems' | 'classDetails'> }

type Row = { label: string; amount: number }

/**
 * A form's fee per class when some class pays differently: each class type the institution runs with what it pays
 * (its own fee, else the form's); without classes on record, the classes with a fee of their own and 其他班级.
 */
function classRows(service: ServiceOffer, classTypes: ClassType[]): Row[] {
  const own = new Map(service.classFees.map((c) => [c.classType, c.amount]))
  const types = [...new Set([...classTypes, ...own.keys()])].sort((a, b) => CLASS_ORDER[a] - CLASS_ORDER[b])
  const rows = types.map((type) => ({ label: t(`enums.classType.${type}`), amount: own.get(type) ?? service.fee }))
  return classTypes.length ? rows : [...rows, { label: t('fees.otherClasses'), amount: service.fee }]
}

const price = (amount: number, service: ServiceOffer) => t('fees.amount', { amount: formatAmount(amount), unit: t(`enums.feeUnit.${service.feeUnit}`) })

function FormFees({ service, classTypes }: { service: ServiceOffer; classTypes: ClassType[] }) {
  const form = t(`enums.serviceForm.${service.form}`)
  const byClass = service.classFees.length > 0
  return (
    <View className='fee-table__form' data-testid={`fee-form-${service.form}`}>
      <View className='fee-table__head'>
        <Text className='fee-table__form-name'>{form}</Text>
        {byClass ? null : <Text className='fee-table__price'>{price(service.fee, service)}</Text>}
      </View>
      <Text className='fee-table__hours'>{t('detail.hours', { days: service.days, hours: service.hours })}</Text>
      {byClass ? (
        <View className='fee-table__classes' role='list' aria-label={t('fees.byClass', { form })}>
          {classRows(service, classTypes).map((row) => (
            <View key={row.label} className='fee-table__row' role='listitem'>
              <Text className='fee-table__label'>{row.label}</Text>
              <Text className='fee-table__price'>{price(row.amount, service)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <UpdatedAt value={service.updatedAt} />
    </View>
  )
}

function ItemRow({ item }: { item: FeeItem }) {
  return (
    <View className='fee-table__item' role='listitem' data-testid={`fee-item-${item.item}`}>
      <View className='fee-table__row'>
        <Text className='fee-table__label'>{t(`fees.item.${item.item}`)}</Text>
        <Text className='fee-table__price'>{t(`fees.itemAmount.${item.unit}`, { amount: formatAmount(item.amount) })}</Text>
      </View>
      {item.note ? <Text className='fee-table__note'>{item.note}</Text> : null}
    </View>
  )
}

/**
 * 收费标准: each service form's fee in its unit, per class type where one pays differently (乳儿班 more…), then the
 * charges listed beside it (伙食费, 床品费, 意外保险费) and the rule that nothing else may be charged.
 */
export function FeeTable({ detail }: Props) {
  const classTypes = [...new Set(detail.classDetails.map((c) => c.type))]
  return (
    <Section title={t('detail.services')} className='fee-table'>
      {detail.services.length === 0 ? <Text className='fee-table__muted'>{t('fees.none')}</Text> : null}
      {detail.services.map((service) => (
        <FormFees key={service.form} service={service} classTypes={classTypes} />
      ))}
      <View className='fee-table__subtitle' role='heading' aria-level={3}>
        {t('fees.otherItems')}
      </View>
      {detail.feeItems.length === 0 ? (
        <Text className='fee-table__muted'>{t('fees.noOtherItems')}</Text>
      ) : (
        <View role='list' aria-label={t('fees.otherItems')}>
          {detail.feeItems.map((item) => (
            <ItemRow key={item.item} item={item} />
          ))}
        </View>
      )}
      <Text className='fee-table__rule'>{t('fees.onlyThese')}</Text>
    </Section>
  )
}

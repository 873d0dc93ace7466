import { Text, View } from '@tarojs/components'
import type { ClassDetail, InstitutionDetail } from '../../../../types/institutions'
import { MapLink, PhoneLink } from '../../../components/contact-links'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { UpdatedAt } from '../../../components/updated-at'
import { t } from '../../../i18n'
import { formatCommittee } from '../../../utils/committee'
import { formatDate } from '../../../utils/time'
import { pressable } from '../../../components/a11y'

type SectionProps = { detail: InstitutionDetail }

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View className='detail__field'>
      <Text className='detail__label'>{label}</Text>
      <Text className='detail__value'>{value}</Text>
    </View>
  )
}

export function FilingSection({ detail }: SectionProps) {
  return (
    <Section title={t('detail.filing')}>
      <Field label={t('detail.creditCode')} value={detail.creditCode} />
      <Field label={t('detail.registeringAuthority')} value={t(`enums.registeringAuthority.${detail.registeringAuthority}`)} />
      <Field label={t('detail.filedOn')} value={formatDate(detail.filedOn)} />
      <Field label={t('detail.filingAuthority')} value={detail.filingAuthority} />
      <Field label={t('detail.nature')} value={`${t(`enums.ownership.${detail.ownership}`)} · ${t(`enums.profit.${detail.profit}`)}`} />
      <Field label={t('detail.kind')} value={t(`enums.kind.${detail.kind}`)} />
    </Section>
  )
}

export function AddressSection({ detail }: SectionProps) {
  // The registry's coordinates are GCJ-02, what openLocation and 高德 expect: no conversion.
  const place = { lat: detail.lat, lng: detail.lng, name: detail.name, address: detail.address }
  return (
    <View className='detail__contact'>
      <MapLink place={place} className='detail__address'>
        <Text className='detail__label'>{t('detail.address')}</Text>
        <Text className='detail__value'>{detail.address}</Text>
      </MapLink>
      <View className='detail__contact-actions'>
        <MapLink place={place} className='btn btn--ghost btn--small'>
          {t('detail.navigate')}
        </MapLink>
        <PhoneLink phone={detail.phone} className='btn btn--ghost btn--small'>
          {t('detail.call', { phone: detail.phone })}
        </PhoneLink>
      </View>
    </View>
  )
}

function ClassRow({ item }: { item: ClassDetail }) {
  const ratioBreach = item.breaches.includes('ratio')
  const sizeBreach = item.breaches.includes('size')
  return (
    <View className={`detail__class ${item.breaches.length ? 'detail__class--breach' : ''}`}>
      <View className='detail__class-head'>
        <Text className='detail__row-title'>{item.name}</Text>
        <Text className='detail__row-sub'>{t('detail.ageRange', { min: item.minAgeMonths, max: item.maxAgeMonths })}</Text>
      </View>
      <View className='detail__stats'>
        <View className={`detail__stat ${sizeBreach ? 'detail__stat--bad' : ''}`}>
          <Text className='detail__stat-value'>{item.capacity}</Text>
          <Text className='detail__stat-label'>{t('detail.capacity')}</Text>
        </View>
        <View className={`detail__stat ${sizeBreach ? 'detail__stat--bad' : ''}`}>
          <Text className='detail__stat-value'>{item.enrolled}</Text>
          <Text className='detail__stat-label'>{t('detail.enrolled')}</Text>
        </View>
        <View className={`detail__stat ${item.freePlaces > 0 ? 'detail__stat--good' : ''}`}>
          <Text className='detail__stat-value'>{item.freePlaces}</Text>
          <Text className='detail__stat-label'>{t('detail.free')}</Text>
        </View>
        <View className={`detail__stat ${ratioBreach ? 'detail__stat--bad' : ''}`}>
          <Text className='detail__stat-value'>
            {item.childrenPerCaregiver === null ? t('detail.ratioUnknown') : t('detail.ratioValue', { value: item.childrenPerCaregiver })}
          </Text>
          <Text className='detail__stat-label'>{t('detail.ratio')}</Text>
        </View>
      </View>
      <View className='detail__class-foot'>
        {item.legalMaxChildrenPerCaregiver !== null ? <Text>{t('detail.ratioLimit', { limit: item.legalMaxChildrenPerCaregiver })}</Text> : null}
        {item.legalMaxSize !== null ? <Text>{t('detail.sizeLimit', { limit: item.legalMaxSize })}</Text> : null}
        {sizeBreach ? <Tag tone='red'>{t('detail.breachSize')}</Tag> : null}
        {ratioBreach ? <Tag tone='red'>{t('detail.breachRatio')}</Tag> : null}
      </View>
      <UpdatedAt value={item.updatedAt} />
    </View>
  )
}

export function ClassesSection({ detail }: SectionProps) {
  return (
    <Section title={t('detail.classes')}>
      {detail.classDetails.map((item) => (
        <ClassRow key={item.type + item.name} item={item} />
      ))}
    </Section>
  )
}

export function StaffSection({ detail }: SectionProps) {
  const total = detail.staff.reduce((sum, s) => sum + s.count, 0)
  return (
    <Section title={t('detail.staff')} extra={t('detail.staffTotal', { count: total })}>
      <View className='detail__staff'>
        {detail.staff.map((s) => (
          <View key={s.role} className='detail__staff-item'>
            <Text className='detail__stat-value'>{t('detail.staffCount', { count: s.count })}</Text>
            <Text className='detail__stat-label'>{t(`enums.staffRole.${s.role}`)}</Text>
          </View>
        ))}
      </View>
      <UpdatedAt value={detail.staffUpdatedAt} />
    </Section>
  )
}

export function GradeSection({ detail }: SectionProps) {
  const [latest, ...history] = detail.evaluations
  if (!latest) {
    return (
      <Section title={t('detail.grade')}>
        <Text className='detail__muted'>{t('detail.ungradedHint')}</Text>
      </Section>
    )
  }
  const lapsed = detail.grade?.lapsed ?? false
  return (
    <Section title={t('detail.grade')} extra={latest.round}>
      <View className='detail__grade'>
        <Text className={`detail__grade-level ${lapsed ? 'detail__grade-level--lapsed' : ''}`}>{latest.label}</Text>
        <Text className='detail__grade-score'>{t('detail.gradeScore', { score: latest.score })}</Text>
        {lapsed ? <Tag tone='orange'>{t('institution.lapsed')}</Tag> : null}
      </View>
      <Text className='detail__row-sub'>
        {t('institution.gradeOn', { date: formatDate(latest.evaluatedOn) })} · {t('detail.gradeValidUntil', { date: formatDate(latest.validUntil) })}
      </Text>
      <Text className='detail__row-sub'>{t('detail.gradeDepartment', { department: latest.department })}</Text>
      <View className='detail__dims'>
        {latest.dimensions.map((dim) => (
          <View key={dim.code} className='detail__dim'>
            <Text className='detail__dim-name'>{dim.name}</Text>
            <View className='detail__dim-bar'>
              <View className='detail__dim-fill' style={{ width: `${Math.round((dim.score / dim.maxScore) * 100)}%` }} />
            </View>
            <Text className='detail__dim-score'>
              {dim.score}/{dim.maxScore}
            </Text>
          </View>
        ))}
      </View>
      {history.length ? (
        <View className='detail__history'>
          <Text className='detail__subtitle'>{t('detail.gradeHistory')}</Text>
          {history.map((evaluation) => (
            <View key={evaluation.round + evaluation.evaluatedOn} className='detail__history-item'>
              <Text>{evaluation.round}</Text>
              <Text>{evaluation.label}</Text>
              <Text>{t('detail.gradeScore', { score: evaluation.score })}</Text>
              <Text className='detail__row-sub'>{formatDate(evaluation.evaluatedOn)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </Section>
  )
}

export function OversightSection({ detail, onOpenCommittee }: SectionProps & { onOpenCommittee?: () => void }) {
  const { committee } = detail
  return (
    <>
      <Section title={t('detail.committee')}>
        <Text className={committee.establishedOn ? 'detail__ok' : 'detail__bad'}>{formatCommittee(committee)}</Text>
        {onOpenCommittee ? (
          <View className='detail__link' {...pressable('link')} onClick={onOpenCommittee}>
            {t('notices.committee.open')} ›
          </View>
        ) : null}
      </Section>
      <Section title={t('detail.sanctions')}>
        {detail.sanctions.length === 0 ? <Text className='detail__muted'>{t('detail.sanctionsNone')}</Text> : null}
        {detail.sanctions.map((sanction) => (
          <View key={sanction.decidedOn + sanction.measure} className='detail__sanction'>
            <Tag tone='red'>{t(`enums.sanctionKind.${sanction.kind}`)}</Tag>
            <Text className='detail__row-title'>{sanction.measure}</Text>
            <Text className='detail__row-sub'>{t('detail.sanctionDecided', { department: sanction.department, date: formatDate(sanction.decidedOn) })}</Text>
          </View>
        ))}
      </Section>
    </>
  )
}

export function MoneySection({ detail }: SectionProps) {
  return (
    <Section title={t('detail.money')}>
      <Text className='detail__tip'>{t('detail.moneyTip')}</Text>
      <Text className='detail__subtitle'>{t('detail.refundPolicy')}</Text>
      <Text className='detail__para'>{detail.refundPolicy}</Text>
      <Text className='detail__subtitle'>{t('detail.prepaymentTerms')}</Text>
      <Text className='detail__para'>{detail.prepaymentTerms}</Text>
    </Section>
  )
}

export function AboutSection({ detail }: SectionProps) {
  return (
    <Section title={t('detail.about')}>
      <Text className='detail__para'>{detail.description}</Text>
      <View className='detail__updated'>
        <Text className='detail__label'>{t('detail.updatedAt')}</Text>
        <UpdatedAt value={detail.updatedAt} />
      </View>
    </Section>
  )
}

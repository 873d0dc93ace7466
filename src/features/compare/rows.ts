import type { InstitutionDetail } from '../../../types/institutions'
import { describeSanction } from '../../components/sanction-warning'
import { t, type MessageKey } from '../../i18n'
import { formatCommittee } from '../../utils/committee'
import { formatDistance, formatMonthlyFee } from '../../utils/format'
import { formatDate, formatVacanciesUpdated } from '../../utils/time'

export type CompareRow = { key: string; label: MessageKey; value: (item: InstitutionDetail) => string[] }

const dash = '—'

/** Each row turns one institution into lines of text; rows whose text differs between institutions are highlighted. */
export const compareRows: CompareRow[] = [
  { key: 'distance', label: 'compare.rows.distance', value: (i) => [i.distanceKm === null ? dash : formatDistance(i.distanceKm)] },
  {
    key: 'grade',
    label: 'compare.rows.grade',
    value: (i) =>
      i.grade
        ? [i.grade.label, t('institution.gradeOn', { date: formatDate(i.grade.gradedOn) }), ...(i.grade.lapsed ? [t('institution.lapsed')] : [])]
        : [t('institution.ungraded')],
  },
  { key: 'monthlyFee', label: 'compare.rows.monthlyFee', value: (i) => [formatMonthlyFee(i.monthlyFee)] },
  {
    key: 'fees',
    label: 'compare.rows.fees',
    value: (i) => i.services.map((s) => `${t(`enums.serviceForm.${s.form}`)} ${t('detail.feeValue', { fee: s.fee, unit: t(`enums.feeUnit.${s.feeUnit}`) })}`),
  },
  {
    key: 'hours',
    label: 'compare.rows.hours',
    value: (i) => i.services.map((s) => `${t(`enums.serviceForm.${s.form}`)} ${t('detail.hours', { days: s.days, hours: s.hours })}`),
  },
  { key: 'serviceForms', label: 'compare.rows.serviceForms', value: (i) => [i.serviceForms.map((f) => t(`enums.serviceForm.${f}`)).join('、')] },
  {
    key: 'classes',
    label: 'compare.rows.classes',
    value: (i) => i.classDetails.map((c) => `${c.name} ${t('detail.ageRange', { min: c.minAgeMonths, max: c.maxAgeMonths })}`),
  },
  {
    key: 'freePlaces',
    label: 'compare.rows.freePlaces',
    value: (i) => [
      i.freePlaces > 0 ? t('institution.freePlaces', { count: i.freePlaces }) : t('institution.noFreePlaces'),
      ...i.classDetails.map((c) =>
        c.freePlaces > 0 ? t('institution.classFree', { name: c.name, count: c.freePlaces }) : t('institution.classFull', { name: c.name }),
      ),
      formatVacanciesUpdated(i.vacanciesUpdatedAt),
    ],
  },
  {
    key: 'ratios',
    label: 'compare.rows.ratios',
    value: (i) =>
      i.classDetails.map(
        (c) =>
          `${c.name} ${c.childrenPerCaregiver === null ? t('detail.ratioUnknown') : t('detail.ratioValue', { value: c.childrenPerCaregiver })}${c.breaches.includes('ratio') ? ' ⚠' : ''}`,
      ),
  },
  { key: 'breaches', label: 'compare.rows.breaches', value: (i) => [i.breachesLimits ? `⚠ ${t('institution.breachesShort')}` : t('compare.ok')] },
  {
    key: 'nature',
    label: 'compare.rows.nature',
    value: (i) => [`${t(`enums.ownership.${i.ownership}`)} · ${t(`enums.profit.${i.profit}`)}${i.inclusive ? ` · ${t('institution.inclusive')}` : ''}`],
  },
  { key: 'kind', label: 'compare.rows.kind', value: (i) => [t(`enums.kind.${i.kind}`)] },
  { key: 'committee', label: 'compare.rows.committee', value: (i) => [formatCommittee(i.committee)] },
  {
    key: 'sanctions',
    label: 'compare.rows.sanctions',
    // Each with what, who and when, as the detail page lists them; never the reason.
    value: (i) =>
      i.sanctions.length
        ? i.sanctions.map((s) => {
            const { measure, decided } = describeSanction(s)
            return `${measure} · ${decided}`
          })
        : [t('common.no')],
  },
]

export function rowDiffers(row: CompareRow, items: InstitutionDetail[]): boolean {
  const [first, ...rest] = items.map((item) => row.value(item).join('\n'))
  return rest.some((value) => value !== first)
}

import {
  type ClassDetail,
  type ClassSummary,
  type Evaluation,
  type InstitutionDetail,
  type InstitutionKind,
  type InstitutionSummary,
  type PublishedSanction,
} from '../../../types/institutions'
import type { Reference } from '../../shared/reference'
import { classBreaches } from './class-rules'
import type { ClassRow, ClassSummaryRow, DetailExtras, InstitutionRow, WarningRow } from './repository'

/** Distances are shown to 10 m. */
export const roundKm = (km: number) => Math.round(km * 100) / 100

export function presentSummary(row: InstitutionRow, classes: ClassSummaryRow[], warning: WarningRow | undefined, today: string): InstitutionSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    ownership: row.ownership,
    profit: row.profit,
    inclusive: row.inclusive,
    demonstration: row.demonstration,
    cityCode: row.cityCode,
    cityName: row.cityName,
    districtCode: row.districtCode,
    districtName: row.districtName,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    distanceKm: row.distanceKm === null ? null : roundKm(row.distanceKm),
    grade:
      row.gradeLevel && row.gradedOn && row.gradeValidUntil
        ? {
            level: row.gradeLevel,
            label: row.gradeLabel ?? row.gradeLevel,
            rank: row.gradeRank ?? 0,
            score: row.gradeScore ?? 0,
            gradedOn: row.gradedOn,
            validUntil: row.gradeValidUntil,
            lapsed: row.gradeValidUntil < today,
          }
        : null,
    serviceForms: row.serviceForms,
    monthlyFee: row.monthlyFeeMin !== null && row.monthlyFeeMax !== null ? { min: row.monthlyFeeMin, max: row.monthlyFeeMax } : null,
    fee: row.feeForm && row.feeAmount !== null && row.feeUnit ? { form: row.feeForm, amount: row.feeAmount, unit: row.feeUnit } : null,
    classes: classes.map((k): ClassSummary => ({
      type: k.type,
      name: k.name,
      minAgeMonths: k.minAgeMonths,
      maxAgeMonths: k.maxAgeMonths,
      freePlaces: Math.max(0, k.capacity - k.enrolled),
    })),
    freePlaces: row.freePlaces,
    vacanciesUpdatedAt: row.vacanciesUpdatedAt,
    breachesLimits: row.breachesLimits,
    warning: warning ? presentSanction(warning) : null,
    isDemo: row.isDemo,
  }
}

/** What the public sees of a sanction: never the reason, which may name a person. */
const presentSanction = (s: PublishedSanction): PublishedSanction => ({ kind: s.kind, measure: s.measure, department: s.department, decidedOn: s.decidedOn })

function presentClass(k: ClassRow, kind: InstitutionKind): ClassDetail {
  const limits = classBreaches(k, kind)
  return {
    type: k.type,
    name: k.name,
    minAgeMonths: k.minAgeMonths,
    maxAgeMonths: k.maxAgeMonths,
    capacity: k.capacity,
    enrolled: k.enrolled,
    freePlaces: Math.max(0, k.capacity - k.enrolled),
    caregivers: k.caregivers,
    childrenPerCaregiver: limits.childrenPerCaregiver,
    legalMaxSize: limits.legalMaxSize,
    legalMaxChildrenPerCaregiver: limits.legalMaxChildrenPerCaregiver,
    breaches: limits.breaches,
    updatedAt: k.updatedAt,
  }
}

/**
 * The latest grade lapsed (its valid_until is before today in China), or it ranks below the evaluation before it.
 * A lapse wins: a grade no longer valid says more to a parent than how it compared with the one before.
 */
export function gradeWarningOf(newestFirst: Evaluation[], reference: Reference, today: string): InstitutionDetail['gradeWarning'] {
  const [latest, previous] = newestFirst
  if (!latest) return null
  const levels = {
    level: latest.level,
    levelLabel: latest.label,
    previousLevel: previous?.level ?? null,
    previousLevelLabel: previous?.label ?? null,
  }
  if (latest.validUntil < today) return { kind: 'lapsed', on: latest.validUntil, ...levels }
  const rank = (level: string) => reference.rankOfLevel.get(level) ?? 0
  if (previous && rank(latest.level) < rank(previous.level)) return { kind: 'downgraded', on: latest.evaluatedOn, ...levels }
  return null
}

export function presentDetail(
  row: InstitutionRow,
  classes: ClassRow[],
  warning: WarningRow | undefined,
  extras: DetailExtras,
  reference: Reference,
  today: string,
): InstitutionDetail {
  const summary = presentSummary(row, classes, warning, today)
  const { record } = extras
  const evaluations: Evaluation[] = extras.evaluations.map((e) => ({
    round: e.round,
    evaluatedOn: e.evaluatedOn,
    validUntil: e.validUntil,
    level: e.level,
    label: e.label,
    score: e.score,
    department: e.department,
    dimensions: reference.gradeScheme.dimensions.map((d) => ({ code: d.code, name: d.name, maxScore: d.maxScore, score: e.dimensionScores[d.code] ?? 0 })),
  }))
  return {
    ...summary,
    creditCode: record.creditCode,
    registeringAuthority: record.registeringAuthority,
    filedOn: record.filedOn,
    filingAuthority: record.filingAuthority,
    phone: record.phone,
    description: record.description,
    refundPolicy: record.refundPolicy,
    prepaymentTerms: record.prepaymentTerms,
    services: extras.services.map((s) => ({
      form: s.form,
      hours: s.hours,
      days: s.days,
      fee: s.fee,
      feeUnit: s.feeUnit,
      classFees: extras.classFees.filter((c) => c.form === s.form).map((c) => ({ classType: c.classType, amount: c.amount })),
      updatedAt: s.updatedAt,
    })),
    feeItems: extras.feeItems,
    classDetails: classes.map((k) => presentClass(k, summary.kind)),
    staff: extras.staff.map((s) => ({ role: s.role, count: s.count })),
    staffUpdatedAt: record.staffUpdatedAt,
    evaluations,
    committee: extras.committee,
    sanctions: extras.sanctions.map(presentSanction),
    gradeWarning: gradeWarningOf(evaluations, reference, today),
    updatedAt: record.updatedAt,
  }
}

import type { Selectable } from 'kysely'
import type { ClassType, InstitutionKind } from '../../../types/institutions'
import type { InstitutionClassesTable } from '../../db/schema'

export interface ClassLimit {
  minAgeMonths: number
  maxAgeMonths: number
  maxSize: number
  /** At most this many children per caregiver (1:N). */
  maxChildrenPerCaregiver: number
}

/** National 托育机构设置标准（试行）2019 as reported by secondary sources; kept as data so it is easy to correct. */
export const CLASS_LIMITS: Record<ClassType, ClassLimit> = {
  infant: { minAgeMonths: 6, maxAgeMonths: 12, maxSize: 10, maxChildrenPerCaregiver: 3 },
  toddler: { minAgeMonths: 12, maxAgeMonths: 24, maxSize: 15, maxChildrenPerCaregiver: 5 },
  senior: { minAgeMonths: 24, maxAgeMonths: 36, maxSize: 20, maxChildrenPerCaregiver: 7 },
  // Mixed-age classes (children of 18 months and over): the 1:7 ratio is unverified, no source states one.
  mixed: { minAgeMonths: 18, maxAgeMonths: 36, maxSize: 18, maxChildrenPerCaregiver: 7 },
  kindergarten: { minAgeMonths: 24, maxAgeMonths: 36, maxSize: 20, maxChildrenPerCaregiver: 7 },
}

/** 家庭托育点 (national 2023 rule): at most 5 children in all, at most 3 children per carer, whatever the class type. */
export const HOME_BASED_LIMIT = { maxSize: 5, maxChildrenPerCaregiver: 3 } as const

export type Breach = 'size' | 'ratio'

export type ClassCounts = Pick<Selectable<InstitutionClassesTable>, 'type' | 'capacity' | 'enrolled' | 'caregivers'>

export interface ClassAssessment {
  legalMaxSize: number
  legalMaxChildrenPerCaregiver: number
  /** enrolled / caregivers rounded to 2 decimals for display; null when there is no caregiver. */
  childrenPerCaregiver: number | null
  breaches: Breach[]
}

export function legalLimitFor(type: ClassType, institutionKind: InstitutionKind): { maxSize: number; maxChildrenPerCaregiver: number } {
  return institutionKind === 'home' ? HOME_BASED_LIMIT : CLASS_LIMITS[type]
}

export function classBreaches(cls: ClassCounts, institutionKind: InstitutionKind): ClassAssessment {
  const limit = legalLimitFor(cls.type, institutionKind)
  const breaches: Breach[] = []
  // A class planned above the legal size breaches the rule even before it fills up.
  if (cls.enrolled > limit.maxSize || cls.capacity > limit.maxSize) breaches.push('size')
  // Integer comparison (enrolled > N × caregivers) avoids floating-point edge cases at exactly 1:N.
  if (cls.enrolled > 0 && cls.enrolled > limit.maxChildrenPerCaregiver * cls.caregivers) breaches.push('ratio')
  return {
    legalMaxSize: limit.maxSize,
    legalMaxChildrenPerCaregiver: limit.maxChildrenPerCaregiver,
    childrenPerCaregiver: cls.caregivers > 0 ? Math.round((cls.enrolled / cls.caregivers) * 100) / 100 : null,
    breaches,
  }
}

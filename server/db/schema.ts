import type { ColumnType, Generated } from 'kysely'
import type { ClassType, FeeUnit, SanctionKind, ServiceForm, StaffRole } from '../../types/institutions'

/** Dates come back as 'YYYY-MM-DD' strings and timestamps as ISO strings on both drivers (see connect.ts). */
type DateColumn = ColumnType<string, string, string>
type Timestamp = ColumnType<string, string | undefined, string>

export interface RegionsTable {
  code: string
  parentCode: string | null
  name: string
  shortName: string
  lat: number
  lng: number
  sort: number
}

export interface GradeLevelsTable {
  code: string
  label: string
  rank: number
  minScore: number
}

export interface GradeDimensionsTable {
  code: string
  name: string
  maxScore: number
  sort: number
}

export interface InstitutionsTable {
  id: Generated<string>
  creditCode: string
  name: string
  kind: string
  ownership: string
  profit: string
  inclusive: boolean
  demonstration: boolean
  registeringAuthority: string
  filedOn: DateColumn
  filingAuthority: string
  cityCode: string
  districtCode: string
  address: string
  lat: number
  lng: number
  phone: string
  description: string
  refundPolicy: string
  prepaymentTerms: string
  committeeEstablishedOn: DateColumn | null
  isDemo: boolean
  serviceForms: string[]
  monthlyFeeMin: number | null
  monthlyFeeMax: number | null
  freePlaces: number
  breachesLimits: boolean
  gradeLevel: string | null
  gradeRank: number | null
  gradeScore: number | null
  gradedOn: DateColumn | null
  gradeValidUntil: DateColumn | null
  staffUpdatedAt: Timestamp
  vacanciesUpdatedAt: Timestamp
  updatedAt: Timestamp
}

export interface InstitutionServicesTable {
  institutionId: string
  form: ServiceForm
  hours: string
  days: string
  fee: number
  feeUnit: FeeUnit
  updatedAt: Timestamp
}

export interface InstitutionClassesTable {
  institutionId: string
  position: number
  type: ClassType
  name: string
  minAgeMonths: number
  maxAgeMonths: number
  capacity: number
  enrolled: number
  caregivers: number
  updatedAt: Timestamp
}

export interface InstitutionStaffTable {
  institutionId: string
  role: StaffRole
  count: number
}

export interface EvaluationsTable {
  institutionId: string
  round: string
  evaluatedOn: DateColumn
  validUntil: DateColumn
  level: string
  score: number
  department: string
  dimensionScores: ColumnType<Record<string, number>, string, string>
}

export interface SanctionsTable {
  institutionId: string
  kind: SanctionKind
  measure: string
  reason: string
  department: string
  decidedOn: DateColumn
}

export interface Database {
  regions: RegionsTable
  gradeLevels: GradeLevelsTable
  gradeDimensions: GradeDimensionsTable
  institutions: InstitutionsTable
  institutionServices: InstitutionServicesTable
  institutionClasses: InstitutionClassesTable
  institutionStaff: InstitutionStaffTable
  evaluations: EvaluationsTable
  sanctions: SanctionsTable
}

import type {
  ClassType, FeeUnit, InstitutionKind, Ownership, ProfitType, RegisteringAuthority, SanctionKind, ServiceForm, StaffRole,
} from '../../../../types/institutions'

/** One validated CSV row: everything the registry holds about one institution. Dates are YYYY-MM-DD strings. */
export interface InstitutionRecord {
  creditCode: string
  name: string
  kind: InstitutionKind
  ownership: Ownership
  profit: ProfitType
  inclusive: boolean
  demonstration: boolean
  registeringAuthority: RegisteringAuthority
  filedOn: string
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
  committeeEstablishedOn: string | null
  isDemo: boolean
  /** When the institution last reported vacancies and staff; defaults to the import time. */
  updatedAt: string | null
  services: Array<{ form: ServiceForm; hours: string; days: string; fee: number; feeUnit: FeeUnit }>
  classes: Array<{ type: ClassType; name: string; minAgeMonths: number; maxAgeMonths: number; capacity: number; enrolled: number; caregivers: number }>
  staff: Array<{ role: StaffRole; count: number }>
  evaluations: Array<{ round: string; evaluatedOn: string; validUntil: string; level: string; score: number; department: string; dimensionScores: Record<string, number> }>
  sanctions: Array<{ kind: SanctionKind; measure: string; reason: string; department: string; decidedOn: string }>
}

export interface RowError {
  line: number
  field: string
  reason: string
}

export type ParseResult = { records: Array<{ line: number; record: InstitutionRecord }>; errors: RowError[] }

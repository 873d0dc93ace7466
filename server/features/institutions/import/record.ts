import type { Insertable, Selectable } from 'kysely'
import type {
  EvaluationsTable,
  InstitutionClassFeesTable,
  InstitutionClassesTable,
  InstitutionFeeItemsTable,
  InstitutionServicesTable,
  InstitutionStaffTable,
  InstitutionsTable,
  SanctionsTable,
} from '../../../db/schema'

/** The columns of an institution the CSV supplies; the import derives the rest (id, search summary, timestamps). */
type SuppliedColumn =
  | 'creditCode'
  | 'name'
  | 'kind'
  | 'ownership'
  | 'profit'
  | 'inclusive'
  | 'demonstration'
  | 'registeringAuthority'
  | 'filedOn'
  | 'filingAuthority'
  | 'cityCode'
  | 'districtCode'
  | 'address'
  | 'lat'
  | 'lng'
  | 'phone'
  | 'description'
  | 'refundPolicy'
  | 'prepaymentTerms'
  | 'committeeEstablishedOn'
  | 'isDemo'

/** A child row as the CSV gives it: the institution's id (and the import time, the class's position) come with the upsert. */
type ChildRow<T, Derived extends keyof T = never> = Omit<Insertable<T>, 'institutionId' | Derived>

/**
 * One validated CSV row: everything the registry holds about one institution, as the tables insert it (dates are
 * YYYY-MM-DD strings). Every column is present: a nullable one holds null rather than being left out.
 */
export type InstitutionRecord = Required<Pick<Insertable<InstitutionsTable>, SuppliedColumn>> & {
  /** When the institution last reported vacancies and staff; defaults to the import time. */
  updatedAt: string | null
  services: Array<ChildRow<InstitutionServicesTable, 'updatedAt'>>
  classes: Array<ChildRow<InstitutionClassesTable, 'position' | 'updatedAt'>>
  /** A form's fee for a class type that pays differently from the form's own fee. */
  classFees: Array<ChildRow<InstitutionClassFeesTable>>
  /** 伙食费 and the other charges listed beside the care fee, in the CSV's order. */
  feeItems: Array<ChildRow<InstitutionFeeItemsTable, 'position'>>
  staff: Array<ChildRow<InstitutionStaffTable>>
  /** As read back: the dimension scores an object, not the JSON text the column is written with. */
  evaluations: Array<Omit<Selectable<EvaluationsTable>, 'institutionId'>>
  sanctions: Array<ChildRow<SanctionsTable>>
}

export interface RowError {
  line: number
  field: string
  reason: string
}

export type ParseResult = { records: Array<{ line: number; record: InstitutionRecord }>; errors: RowError[] }

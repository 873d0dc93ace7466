import { SERVICE_FORMS, STAFF_ROLES, type StaffRole } from '../../../../types/institutions'

/** Column names of the institutions CSV (docs/import-format.md). Order is how the generator writes them; the parser maps by name. */
export const SCALAR_COLUMNS = [
  'credit_code',
  'name',
  'kind',
  'ownership',
  'profit',
  'inclusive',
  'demonstration',
  'registering_authority',
  'filed_on',
  'filing_authority',
  'city_code',
  'district_code',
  'address',
  'lat',
  'lng',
  'phone',
  'description',
  'refund_policy',
  'prepayment_terms',
  'committee_established_on',
  'is_demo',
  'updated_at',
] as const

/** One column per service form, named exactly like the form code. */
export const SERVICE_COLUMNS = SERVICE_FORMS

export const STAFF_COLUMNS = STAFF_ROLES.map((role) => `staff_${role}` as const)
export type StaffColumn = `staff_${StaffRole}`

/** Columns a file may leave out (files written before they existed): an absent one reads as an empty cell. */
export const OPTIONAL_COLUMNS = ['class_fees', 'fee_items'] as const

export const CSV_COLUMNS = [...SCALAR_COLUMNS, ...SERVICE_COLUMNS, 'classes', ...STAFF_COLUMNS, 'evaluations', 'sanctions', ...OPTIONAL_COLUMNS] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** Separators inside the list columns (classes, evaluations, sanctions) and the service columns. */
export const ENTRY_SEPARATOR = ';'
export const PART_SEPARATOR = '|'
export const DIMENSION_SEPARATOR = '/'

import { errorCodeOf, errorFieldOf, messageForPeople } from '../../services/http'
import type { GuidanceRequestInput } from '../../../types/guidance'

export type FormField = keyof GuidanceRequestInput
export type FieldErrors = Partial<Record<FormField, string>>

const FIELDS: readonly FormField[] = ['service', 'childId', 'timeWindows', 'districtCode', 'address', 'contactPhone', 'note']

/**
 * The form field a refusal of the BFF is about, and its sentence: the BFF's own when a rule refused the value
 * (`invalid_value`: "时间段 2026-12-01 上午 重复了"), the form's when the value broke the schema (`validation`). The
 * field may come as 'timeWindows' or 'timeWindows.0.date'. Null when the answer names no field of the form.
 */
export function fieldErrorOf(error: unknown, fallback: (field: FormField) => string): FieldErrors | null {
  const code = errorCodeOf(error)
  if (code !== 'validation' && code !== 'invalid_value') return null
  const name = (errorFieldOf(error) ?? '').split(/[./[]/)[0] as FormField
  if (!FIELDS.includes(name)) return null
  return { [name]: (code === 'invalid_value' && messageForPeople(error)) || fallback(name) }
}

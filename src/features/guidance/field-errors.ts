import { isAxiosError } from 'axios'
import type { ErrorResponse } from '../../../types/common'
import type { GuidanceRequestInput } from '../../../types/guidance'

export type FormField = keyof GuidanceRequestInput
export type FieldErrors = Partial<Record<FormField, string>>

const FIELDS: readonly FormField[] = ['service', 'childId', 'timeWindows', 'districtCode', 'address', 'contactPhone', 'note']
const CHINESE = /[\u4e00-\u9fa5]/

/**
 * The form field a 400 from the BFF is about, and its sentence for people: "参数 address 无效：请填写详细地址 (address
 * too short)" → { address: '请填写详细地址' }. The field may come as 'timeWindows', '/timeWindows/0/date' or
 * 'timeWindows[0].date'. Null when the answer names no field of the form.
 */
export function fieldErrorOf(error: unknown, fallback: (field: FormField) => string): FieldErrors | null {
  if (!isAxiosError<ErrorResponse>(error) || error.response?.status !== 400) return null
  const raw = error.response.data?.field ?? ''
  const name = raw.replace(/^\/?(body[./])?/, '').split(/[./[]/)[0] as FormField
  if (!FIELDS.includes(name)) return null
  const message = (error.response.data?.message ?? '').replace(/^参数\s*\S+\s*无效[：:]\s*/, '').replace(/\s*\([^)]*\)\s*$/, '').trim()
  return { [name]: message && CHINESE.test(message) ? message : fallback(name) }
}

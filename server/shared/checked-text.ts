import { badRequest } from './http-errors'

// C0 controls except \t and \n, DEL, and the C1 controls: invisible, never part of a published text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

/** The text trimmed; a 400 naming the field when it is shorter than `minLength` or holds control characters. */
export function checkedText(field: string, value: string, minLength: number): string {
  const text = value.trim()
  if (text.length < minLength) throw badRequest(field, `至少需要${minLength}个字 (at least ${minLength} characters)`)
  if (CONTROL_CHARACTERS.test(text)) throw badRequest(field, '不能包含控制字符 (control characters are not allowed)')
  return text
}

import { badRequest } from '../../shared/http-errors'

// C0 controls except \t (09) and \n (0a), DEL, and the C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

/** Plain text is stored as given and shown as text, never HTML; only invisible control characters are refused. */
export function assertPlainText(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value && CONTROL_CHARACTERS.test(value)) {
      throw badRequest(field, '不能包含控制字符（换行和制表符除外） (control characters other than line breaks and tabs are not allowed)')
    }
  }
}

/** An expiry, when given, must lie ahead. */
export function assertFutureExpiry(expiresAt: string | null | undefined, now = Date.now()): void {
  if (expiresAt && Date.parse(expiresAt) <= now) throw badRequest('expiresAt', '到期时间必须晚于现在 (expiresAt must be in the future)')
}

/** On an edit only a changed expiry must lie ahead: a notice that has already expired keeps its date through an edit. */
export function assertEditedExpiry(expiresAt: string | null, current: string | null, now = Date.now()): void {
  const unchanged = expiresAt === current || (expiresAt !== null && current !== null && Date.parse(expiresAt) === Date.parse(current))
  if (!unchanged) assertFutureExpiry(expiresAt, now)
}

/** WeChat's content security check of the texts about to be published (shared/wechat/content-security), bound to the author. */
export type TextCheck = (fields: Record<string, string | null | undefined>) => Promise<void>

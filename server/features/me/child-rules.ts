import type { Selectable } from 'kysely'
import type { ChildrenTable } from '../../db/schema'
import { badRequest } from '../../shared/http-errors'
import { ageInMonths, chinaToday } from '../../shared/china-time'

export const MAX_CHILDREN = 10
const OLDEST_CHILD_MONTHS = 72
// Minimal collection: a nickname only. A long digit run is an ID number (15 or 18 digits) or a phone number (11).
const LOOKS_LIKE_ID_OR_PHONE = /[0-9]{11,}|[0-9]{17}[Xx]/

/** Trims the nickname and rejects what is plainly not a nickname. */
export function checkedNickname(raw: string): string {
  const nickname = raw.trim()
  if (!nickname) throw badRequest('nickname', '请填写孩子的昵称 (nickname is empty)')
  if ([...nickname].length > 12) throw badRequest('nickname', '昵称最多 12 个字 (nickname longer than 12 characters)')
  if (LOOKS_LIKE_ID_OR_PHONE.test(nickname)) {
    throw badRequest('nickname', '请只填写昵称，不要填写身份证号或电话号码 (no ID or phone numbers)')
  }
  return nickname
}

export function checkedBirthMonth(birthMonth: string, now = new Date()): string {
  // Compared as YYYY-MM strings: ageInMonths truncates, so it gives 0, not a negative number, for next month.
  if (birthMonth > chinaToday(now).slice(0, 7)) throw badRequest('birthMonth', '出生月份不能晚于当前月份 (birthMonth is in the future)')
  if (ageInMonths(birthMonth, now) > OLDEST_CHILD_MONTHS) throw badRequest('birthMonth', '出生月份不能早于 6 年前 (birthMonth is more than 6 years ago)')
  return birthMonth
}

export function presentChild(row: Pick<Selectable<ChildrenTable>, 'id' | 'nickname' | 'birthMonth' | 'createdAt'>, now = new Date()) {
  return { ...row, ageMonths: ageInMonths(row.birthMonth, now) }
}

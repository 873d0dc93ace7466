import dayjs from 'dayjs'
import type { FileComplaintBody } from '../../../types/complaints'
import { badRequest } from '../../shared/http-errors'
import type { ComplaintRow } from './repository'

const CLOCK_SKEW_MS = 5 * 60 * 1000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function idempotencyKeyOf(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || !UUID.test(header.trim())) {
    throw badRequest('Idempotency-Key', '提交投诉需要请求头 Idempotency-Key，值为 UUID (an Idempotency-Key header with a UUID is required)')
  }
  return header.trim().toLowerCase()
}

export type Subject = { institutionId: string } | { provider: NonNullable<FileComplaintBody['provider']> }

/** Exactly one of a registered institution and a provider typed in by the parent. */
export function subjectOf(body: FileComplaintBody, cityCodes: Set<string>): Subject {
  if (body.institutionId !== undefined && body.provider !== undefined) {
    throw badRequest('provider', '请只填写 institutionId 或 provider 其中之一 (give institutionId or provider, not both)')
  }
  if (body.institutionId !== undefined) return { institutionId: body.institutionId.toLowerCase() }
  if (body.provider === undefined) throw badRequest('institutionId', '请选择被投诉的机构，或填写未登记机构的名称和地址 (institutionId or provider is required)')
  if (!cityCodes.has(body.provider.cityCode)) throw badRequest('provider.cityCode', `未知的市州代码 ${body.provider.cityCode} (not a 市州 code)`)
  return { provider: body.provider }
}

/** Not in the future (a few minutes of clock skew allowed) and within the last two years. */
export function checkOccurredAt(occurredAt: string, now: Date): void {
  const at = Date.parse(occurredAt)
  if (at > now.getTime() + CLOCK_SKEW_MS) throw badRequest('occurredAt', '发生时间不能晚于现在 (occurredAt is in the future)')
  if (at < dayjs(now).subtract(2, 'year').valueOf()) throw badRequest('occurredAt', '只受理两年内发生的事件 (occurredAt is more than 2 years ago)')
}

export function checkAnonymity(body: FileComplaintBody): void {
  if (body.anonymous && body.contactPhone !== undefined) {
    throw badRequest('contactPhone', '匿名投诉不能留联系电话；如需回电，请取消匿名 (no contact phone on an anonymous complaint)')
  }
}

/** A retry must be the same filing: same subject, content, photos and reporter. */
export function isSameFiling(existing: ComplaintRow, existingPhotoIds: string[], body: FileComplaintBody, reporterUserId: string | null): boolean {
  const sortedIds = (ids: string[]) =>
    ids
      .map((id) => id.toLowerCase())
      .sort()
      .join(',')
  return (
    existing.category === body.category &&
    existing.description === body.description &&
    Date.parse(existing.occurredAt) === Date.parse(body.occurredAt) &&
    existing.anonymous === body.anonymous &&
    existing.contactPhone === (body.contactPhone ?? null) &&
    existing.reporterUserId === reporterUserId &&
    existing.institutionId === (body.institutionId?.toLowerCase() ?? null) &&
    existing.providerName === (body.provider?.name ?? null) &&
    existing.providerAddress === (body.provider?.address ?? null) &&
    (body.provider === undefined || existing.cityCode === body.provider.cityCode) &&
    sortedIds(existingPhotoIds) === sortedIds(body.photoIds ?? [])
  )
}

import dayjs from 'dayjs'
import type { ComplaintCategory, FileComplaintBody, FiledComplaint } from '../../../types/complaints'
import { t } from '../../i18n'
import { allUploaded, uploadedIds, type PhotoItem } from '../../services/photo-uploads'

export type DraftTarget = { kind: 'institution'; id: string; name: string } | { kind: 'provider' } | null
export type ProviderFields = { name: string; address: string; cityCode: string }

/** Everything the parent has entered, saved on every change so that nothing is lost when the app closes. */
export type Draft = {
  /** Idempotency-Key: created once per draft, reused on every retry. */
  key: string | null
  target: DraftTarget
  provider: ProviderFields
  category: ComplaintCategory | null
  description: string
  /** As typed or picked: 'YYYY-MM-DD HH:mm'. */
  occurredAt: string
  photos: PhotoItem[]
  anonymous: boolean
  contactPhone: string
  /** The BFF's answer, kept until the success page has shown it. */
  filed: FiledComplaint | null
}

export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 2000
const PHONE = /^1[3-9][0-9]{9}$/
const OCCURRED = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})$/

export const emptyDraft = (): Draft => ({
  key: null,
  target: null,
  provider: { name: '', address: '', cityCode: '' },
  category: null,
  description: '',
  occurredAt: '',
  photos: [],
  anonymous: false,
  contactPhone: '',
  filed: null,
})

export function hasContent(draft: Draft): boolean {
  return Boolean(draft.category || draft.description.trim() || draft.photos.length || draft.provider.name.trim() || draft.occurredAt.trim())
}

/** 'YYYY-MM-DD HH:mm' (single-digit parts allowed) → a dayjs in local time, or null. */
export function parseOccurredAt(text: string): dayjs.Dayjs | null {
  const match = OCCURRED.exec(text.trim())
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number)
  const value = dayjs(new Date(y, mo - 1, d, h, mi))
  if (value.year() !== y || value.month() !== mo - 1 || value.date() !== d || h > 23 || mi > 59) return null
  return value
}

export const formatOccurredAt = (value: dayjs.Dayjs) => value.format('YYYY-MM-DD HH:mm')

export function subjectOf(draft: Draft): string {
  if (draft.target?.kind === 'institution') return draft.target.name
  return draft.provider.name.trim()
}

/** The body to send, or the first thing the parent still has to fix. */
export function buildBody(draft: Draft, options: { signedIn: boolean; now?: Date }): { body: FileComplaintBody } | { error: string } {
  const target = draft.target
  if (!target) return { error: t('complaints.invalidTarget') }
  const provider = { name: draft.provider.name.trim(), address: draft.provider.address.trim(), cityCode: draft.provider.cityCode }
  if (target.kind === 'provider' && (provider.name.length < 2 || provider.address.length < 4 || !/^[0-9]{6}$/.test(provider.cityCode))) {
    return { error: t('complaints.invalidProvider') }
  }
  if (!draft.category) return { error: t('complaints.invalidCategory') }
  const description = draft.description.trim()
  if (description.length < DESCRIPTION_MIN || description.length > DESCRIPTION_MAX) {
    return { error: t('complaints.invalidDescription', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }) }
  }
  const occurred = parseOccurredAt(draft.occurredAt)
  if (!occurred) return { error: t('complaints.invalidOccurredAt') }
  if (occurred.isAfter(options.now ?? new Date())) return { error: t('complaints.futureOccurredAt') }
  if (!allUploaded(draft.photos)) return { error: t('complaints.photosPending') }
  const phone = draft.contactPhone.trim()
  const withPhone = !draft.anonymous && options.signedIn && phone !== ''
  if (withPhone && !PHONE.test(phone)) return { error: t('complaints.invalidPhone') }

  const body: FileComplaintBody = {
    ...(target.kind === 'institution' ? { institutionId: target.id } : { provider }),
    category: draft.category,
    description,
    occurredAt: occurred.toISOString(),
    photoIds: uploadedIds(draft.photos),
    anonymous: draft.anonymous,
    ...(withPhone ? { contactPhone: phone } : {}),
  }
  return { body }
}

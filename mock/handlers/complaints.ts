import { http, HttpResponse, type PathParams } from 'msw'
import type { ErrorResponse } from '../../types/common'
import {
  COMPLAINT_CATEGORIES,
  TRACKING_NUMBER_PATTERN,
  type AdditionBody,
  type ComplaintCategory,
  type ComplaintList,
  type ComplaintSummary,
  type ComplaintView,
  type Department,
  type FileComplaintBody,
  type FiledComplaint,
  type RatingBody,
  type TrackBody,
  type UploadedPhoto,
} from '../../types/complaints'
import { PHONE_PATTERN } from '../../types/auth'
import { institutionFixtures } from '../fixtures/app'
import { complaintFixtures } from '../fixtures/app/complaints'
import { accountMock } from './account'

/**
 * An in-memory imitation of the BFF's complaint endpoints, close enough to types/complaints.ts for the app's tests
 * and the H5 preview: photo upload, filing with an Idempotency-Key, tracking with number + secret or the token,
 * my complaints, additions and rating. Tests shape it through `complaintsMock` (reset after each test).
 */

const api = (path: string) => `*/api${path}`
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024

type Stored = { view: ComplaintView; secret: string; userId: string | null; contactPhone: string | null; anonymous: boolean }
type StoredPhoto = UploadedPhoto & { data: ArrayBuffer }

const URGENT: ComplaintCategory[] = ['abuse']
const ROUTING: Record<ComplaintCategory, Department[]> = {
  safety: ['emergency_management', 'health'],
  hygiene_health: ['health'],
  food: ['market_regulation', 'health'],
  fees: ['market_regulation'],
  staff: ['human_resources', 'health'],
  false_advertising: ['market_regulation'],
  unregistered: ['market_regulation', 'health'],
  abuse: ['public_security', 'health'],
  other: ['health'],
}

let counter = 0
const uuid = () => {
  counter += 1
  return `c0000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
}
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const randomCode = (length: number) => Array.from({ length }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('')

function fresh() {
  const complaints = new Map<string, Stored>()
  for (const fixture of complaintFixtures) {
    complaints.set(fixture.view.trackingNumber, { view: structuredClone(fixture.view), secret: fixture.secret, userId: null, contactPhone: null, anonymous: true })
  }
  return { complaints, keys: new Map<string, { tn: string; body: string }>(), photos: new Map<string, StoredPhoto>() }
}
let state = fresh()

function error(statusCode: number, message: string, field?: string) {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type' }
  const body: ErrorResponse = { statusCode, error: names[statusCode] ?? 'Error', message, ...(field ? { field } : {}) }
  return HttpResponse.json(body, { status: statusCode })
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10)

function photoView(id: string) {
  return { id, url: `/api/complaints/photos/${id}?sig=mock` }
}

function validFiling(body: Partial<FileComplaintBody>): string | null {
  if (!!body.institutionId === !!body.provider) return 'institutionId'
  if (body.institutionId && !institutionFixtures.some((i) => i.id === body.institutionId)) return 'institutionId'
  if (body.provider && (body.provider.name?.length < 2 || body.provider.address?.length < 4 || !/^[0-9]{6}$/.test(body.provider.cityCode ?? ''))) return 'provider'
  if (!body.category || !COMPLAINT_CATEGORIES.includes(body.category)) return 'category'
  if (typeof body.description !== 'string' || body.description.length < 10 || body.description.length > 2000) return 'description'
  if (typeof body.occurredAt !== 'string' || Number.isNaN(Date.parse(body.occurredAt))) return 'occurredAt'
  if (!Array.isArray(body.photoIds) || body.photoIds.length > 9 || body.photoIds.some((id) => !state.photos.has(id))) return 'photoIds'
  if (typeof body.anonymous !== 'boolean') return 'anonymous'
  if (body.contactPhone !== undefined && (body.anonymous || !new RegExp(PHONE_PATTERN).test(body.contactPhone))) return 'contactPhone'
  return null
}

function file(body: FileComplaintBody, userId: string | null): Stored {
  const now = new Date().toISOString()
  const date = now.slice(0, 10).replace(/-/g, '')
  let trackingNumber = `TS${date}${randomCode(6)}`
  while (state.complaints.has(trackingNumber)) trackingNumber = `TS${date}${randomCode(6)}`
  const institution = body.institutionId ? institutionFixtures.find((i) => i.id === body.institutionId) ?? null : null
  const view: ComplaintView = {
    trackingNumber,
    category: body.category,
    status: 'submitted',
    urgent: URGENT.includes(body.category),
    institution: institution ? { id: institution.id, name: institution.name } : null,
    provider: body.provider ?? null,
    cityCode: institution?.cityCode ?? body.provider?.cityCode ?? '220100',
    description: body.description,
    occurredAt: body.occurredAt,
    filedAt: now,
    photos: body.photoIds.map(photoView),
    departments: ROUTING[body.category],
    acceptBy: addDays(now, 7),
    replyBy: addDays(now, 15),
    overdue: false,
    reply: null,
    rejectionReason: null,
    outcome: null,
    rating: null,
    additions: [],
    timeline: [{ type: 'submitted', at: now, department: null, note: null, by: 'reporter' }],
  }
  const stored: Stored = { view, secret: randomCode(16), userId: body.anonymous ? null : userId, contactPhone: body.contactPhone ?? null, anonymous: body.anonymous }
  state.complaints.set(trackingNumber, stored)
  return stored
}

const filedOf = ({ view, secret }: Stored): FiledComplaint => ({ trackingNumber: view.trackingNumber, secret, status: view.status, urgent: view.urgent, departments: view.departments, filedAt: view.filedAt })

/** The reporter: the secret header, or the signed-in owner. */
function reporterOf(request: Request, tn: string): Stored | null {
  const stored = state.complaints.get(tn)
  if (!stored) return null
  const secret = request.headers.get('x-complaint-secret')
  if (secret && secret === stored.secret) return stored
  const userId = accountMock.userIdOf(request)
  if (!secret && userId && stored.userId === userId) return stored
  return null
}

function reporterAction(handler: (args: { request: Request; stored: Stored }) => Promise<Response> | Response) {
  return ({ request, params }: { request: Request; params: PathParams }) => {
    const stored = reporterOf(request, String(params.trackingNumber))
    if (!stored) return error(404, '投诉不存在或查询码不正确 (complaint not found)')
    return handler({ request, stored })
  }
}

const summaryOf = ({ view }: Stored): ComplaintSummary => ({
  trackingNumber: view.trackingNumber,
  category: view.category,
  status: view.status,
  urgent: view.urgent,
  overdue: view.overdue,
  subject: view.institution?.name ?? view.provider?.name ?? '',
  cityCode: view.cityCode,
  filedAt: view.filedAt,
  acceptBy: view.acceptBy,
  replyBy: view.replyBy,
})

export const complaintHandlers = [
  http.post(api('/complaints/photos'), async ({ request }) => {
    let form: FormData
    try {
      form = await request.formData()
    } catch {
      return error(400, '请上传照片 (multipart field photo)', 'photo')
    }
    const photo = form.get('photo')
    if (!photo || typeof photo === 'string') return error(400, '请上传照片 (multipart field photo)', 'photo')
    if (!PHOTO_TYPES.includes(photo.type)) return error(415, '只支持 JPEG、PNG、WebP 格式的照片', 'photo')
    if (photo.size > MAX_PHOTO_BYTES) return error(413, '照片不能超过 8 MB', 'photo')
    const stored: StoredPhoto = { photoId: uuid(), bytes: photo.size, contentType: photo.type, data: await photo.arrayBuffer() }
    state.photos.set(stored.photoId, stored)
    const body: UploadedPhoto = { photoId: stored.photoId, bytes: stored.bytes, contentType: stored.contentType }
    return HttpResponse.json(body, { status: 201 })
  }),
  http.get(api('/complaints/photos/:id'), ({ params }) => {
    const photo = state.photos.get(String(params.id))
    return photo ? new HttpResponse(photo.data, { headers: { 'content-type': photo.contentType } }) : error(404, 'photo not found')
  }),
  http.post(api('/complaints/track'), async ({ request }) => {
    const body = (await request.json()) as Partial<TrackBody>
    if (typeof body.trackingNumber !== 'string' || !new RegExp(TRACKING_NUMBER_PATTERN).test(body.trackingNumber)) return error(400, 'trackingNumber', 'trackingNumber')
    const stored = state.complaints.get(body.trackingNumber)
    if (!stored || stored.secret !== body.secret) return error(404, '查询编号或查询码不正确 (complaint not found)')
    return HttpResponse.json(stored.view)
  }),
  http.post(api('/complaints'), async ({ request }) => {
    const key = request.headers.get('idempotency-key')
    if (!key || !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(key)) return error(400, 'Idempotency-Key header (a UUID) is required', 'Idempotency-Key')
    const text = await request.text()
    const previous = state.keys.get(key)
    if (previous) {
      const stored = state.complaints.get(previous.tn) as Stored
      return HttpResponse.json(filedOf(stored), { status: 200 })
    }
    const body = JSON.parse(text) as FileComplaintBody
    const invalid = validFiling(body)
    if (invalid) return error(400, `invalid ${invalid}`, invalid)
    const stored = file(body, accountMock.userIdOf(request))
    state.keys.set(key, { tn: stored.view.trackingNumber, body: text })
    return HttpResponse.json(filedOf(stored), { status: 201 })
  }),
  http.get(api('/me/complaints'), ({ request }) => {
    const userId = accountMock.userIdOf(request)
    if (!userId) return error(401, '请先登录 (sign-in required)')
    const items = [...state.complaints.values()].filter((c) => c.userId === userId).map(summaryOf).sort((a, b) => b.filedAt.localeCompare(a.filedAt))
    const list: ComplaintList = { items, total: items.length, page: 1, pageSize: 20, hasMore: false }
    return HttpResponse.json(list)
  }),
  http.get(
    api('/complaints/:trackingNumber'),
    reporterAction(({ stored }) => HttpResponse.json(stored.view)),
  ),
  http.post(
    api('/complaints/:trackingNumber/additions'),
    reporterAction(async ({ request, stored }) => {
      const body = (await request.json()) as Partial<AdditionBody>
      if (typeof body.text !== 'string' || body.text.length < 1 || body.text.length > 2000) return error(400, 'invalid text', 'text')
      const photoIds = body.photoIds ?? []
      if (photoIds.some((id) => !state.photos.has(id))) return error(400, 'invalid photoIds', 'photoIds')
      if (stored.view.status === 'closed' || stored.view.status === 'rejected') return error(409, '投诉已办结，不能再补充材料')
      const at = new Date().toISOString()
      stored.view.additions.push({ text: body.text, photos: photoIds.map(photoView), at })
      stored.view.timeline.push({ type: 'addition', at, department: null, note: null, by: 'reporter' })
      return new HttpResponse(null, { status: 204 })
    }),
  ),
  http.post(
    api('/complaints/:trackingNumber/rating'),
    reporterAction(async ({ request, stored }) => {
      const body = (await request.json()) as Partial<RatingBody>
      if (!Number.isInteger(body.score) || (body.score as number) < 1 || (body.score as number) > 5) return error(400, 'invalid score', 'score')
      if (stored.view.status !== 'closed') return error(409, '办结后才能评价')
      if (stored.view.rating) return error(409, '已评价过')
      const at = new Date().toISOString()
      stored.view.rating = { score: body.score as number, comment: body.comment ?? null, at }
      stored.view.timeline.push({ type: 'rating', at, department: null, note: null, by: 'reporter' })
      return new HttpResponse(null, { status: 204 })
    }),
  ),
]

/** Test-side access to the mock's state. */
export const complaintsMock = {
  reset(): void {
    state = fresh()
  },
  get(trackingNumber: string): Stored | undefined {
    return state.complaints.get(trackingNumber)
  },
  all(): Stored[] {
    return [...state.complaints.values()]
  },
  photo(photoId: string): UploadedPhoto | undefined {
    return state.photos.get(photoId)
  },
  /** Files a complaint as the given user (or anonymously) and returns it, e.g. to list it in 我的投诉. */
  seed(body: FileComplaintBody, userId: string | null): FiledComplaint {
    return filedOf(file(body, userId))
  },
  /** Files as if a request with this Idempotency-Key had arrived (e.g. before its answer was lost on the way back). */
  fileWithKey(key: string, body: FileComplaintBody, userId: string | null = null): FiledComplaint {
    const stored = file(body, userId)
    state.keys.set(key, { tn: stored.view.trackingNumber, body: JSON.stringify(body) })
    return filedOf(stored)
  },
  /** Moves a complaint on, as a regulator would: status, timeline entry, and the reply when there is one. */
  advance(trackingNumber: string, patch: Partial<ComplaintView>): void {
    const stored = state.complaints.get(trackingNumber)
    if (!stored) throw new Error(`no complaint ${trackingNumber}`)
    Object.assign(stored.view, patch)
    if (patch.status) stored.view.timeline.push({ type: patch.status, at: new Date().toISOString(), department: null, note: null, by: 'regulator' })
  },
}

import { http, HttpResponse, type PathParams } from 'msw'
import type { ErrorResponse } from '../../types/common'
import type { Static } from '@sinclair/typebox'
import type { CommitteeNotice, CommitteePage, Notice, NoticeEdit, NoticeInput, NoticeList, ReportReceipt, UnreadCount, UploadedNoticeImage } from '../../types/notices'
import { NOTICE_CATEGORIES } from '../../types/notices'
import { institutionFixtures } from '../fixtures/app'
import { noticeSeeds, type NoticeSeed } from '../fixtures/app/notices'
import { accountMock } from './account'

/**
 * An in-memory imitation of the BFF's parent-committee notice endpoints (types/notices.ts), for the app's tests and
 * the H5 preview. Who is linked and who is on a committee comes from the account mock. Reset after each test.
 */

type Status = CommitteeNotice['status']
type MockNotice = NoticeSeed & { images: Array<{ id: string; url: string }>; updatedAt: string; version: number; status: Status; takedownReason: string | null; authorId: string | null; removedImages?: CommitteeNotice['removedImages'] }
type Meeting = CommitteePage['meetings'][number]

const api = (path: string) => `*/api${path}`
let counter = 0
const nextId = () => {
  counter += 1
  return `5e0a7c00-0000-4000-9000-${String(counter).padStart(12, '0')}`
}

function fresh() {
  return {
    notices: noticeSeeds.map<MockNotice>((seed) => ({ ...seed, images: [], updatedAt: seed.postedAt, version: 1, status: 'published', takedownReason: null, authorId: null })),
    reads: new Map<string, Set<string>>(),
    reports: [] as Array<{ noticeId: string; userId: string; reason: string }>,
    images: new Map<string, string>(),
    displayNames: new Map<string, string>(),
    contacts: new Map<string, string>(),
    meetings: new Map<string, Meeting[]>(),
  }
}

let state = fresh()

function error(statusCode: number, message: string) {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' }
  const body: ErrorResponse = { statusCode, error: names[statusCode] ?? 'Error', message }
  return HttpResponse.json(body, { status: statusCode })
}

type Args = { request: Request; params: Record<string, string>; userId: string }
function authed(handler: (args: Args) => Response | Promise<Response>) {
  return ({ request, params }: { request: Request; params: PathParams }) => {
    const userId = accountMock.userIdOf(request)
    if (!userId) return error(401, '请先登录 (sign-in required)')
    return handler({ request, params: params as Record<string, string>, userId })
  }
}

const isLinked = (userId: string, institutionId: string) => Boolean(accountMock.user(userId)?.links.some((l) => l.institutionId === institutionId))
const isCommittee = (userId: string, institutionId: string) => Boolean(accountMock.user(userId)?.grants.some((g) => g.role === 'committee' && g.institutionId === institutionId))
const linkedParents = (institutionId: string) => accountMock.users().filter((u) => u.links.some((l) => l.institutionId === institutionId)).length
const isExpired = (n: MockNotice) => n.expiresAt !== null && Date.parse(n.expiresAt) < Date.now()
const visible = (n: MockNotice) => n.status === 'published' && !isExpired(n)
const order = (a: MockNotice, b: MockNotice) => Number(b.pinned) - Number(a.pinned) || b.postedAt.localeCompare(a.postedAt)
const hasRead = (n: MockNotice, userId: string) => state.reads.get(n.id)?.has(userId) ?? false

function toNotice(n: MockNotice, userId: string): Notice {
  return {
    id: n.id, institutionId: n.institutionId, title: n.title, body: n.body, category: n.category, pinned: n.pinned, expiresAt: n.expiresAt,
    images: n.images, authorName: n.authorName, postedAt: n.postedAt, updatedAt: n.updatedAt, version: n.version, read: hasRead(n, userId),
  }
}

function toCommittee(n: MockNotice, userId: string): CommitteeNotice {
  return {
    ...toNotice(n, userId),
    readCount: state.reads.get(n.id)?.size ?? 0,
    linkedParents: linkedParents(n.institutionId),
    status: n.status === 'published' && isExpired(n) ? 'expired' : n.status,
    takedownReason: n.takedownReason,
    removedImages: n.removedImages ?? [],
  }
}

function invalid(body: Partial<NoticeInput>): string | null {
  if (typeof body.title !== 'string' || body.title.length < 2 || body.title.length > 80) return 'title'
  if (typeof body.body !== 'string' || body.body.length < 1 || body.body.length > 5000) return 'body'
  if (!NOTICE_CATEGORIES.includes(body.category as never)) return 'category'
  if (body.imageIds !== undefined && (!Array.isArray(body.imageIds) || body.imageIds.length > 9 || body.imageIds.some((id) => !state.images.has(id)))) return 'imageIds'
  return null
}

function committeePage(institutionId: string): CommitteePage {
  const members = accountMock
    .users()
    .filter((u) => u.grants.some((g) => g.role === 'committee' && g.institutionId === institutionId))
    .map((u) => ({ displayName: state.displayNames.get(`${institutionId}:${u.id}`) ?? '家委会成员', since: u.createdAt }))
  const posted = state.notices.filter((n) => n.institutionId === institutionId && n.status === 'published').map((n) => n.postedAt).sort()
  return {
    institutionId,
    active: members.length >= 3,
    members,
    contact: state.contacts.get(institutionId) ?? null,
    lastPostedAt: posted.at(-1) ?? null,
    meetings: state.meetings.get(institutionId) ?? [],
  }
}

function unreadOf(userId: string): UnreadCount {
  const user = accountMock.user(userId)
  const byInstitution = (user?.links ?? []).map((link) => ({
    institutionId: link.institutionId,
    name: link.name,
    unread: state.notices.filter((n) => n.institutionId === link.institutionId && visible(n) && !hasRead(n, userId)).length,
  }))
  return { unread: byInstitution.reduce((sum, item) => sum + item.unread, 0), byInstitution }
}

export const noticeHandlers = [
  http.get(api('/me/notices/unread'), authed(({ userId }) => HttpResponse.json(unreadOf(userId)))),

  http.get(
    api('/institutions/:institutionId/notices'),
    authed(({ params, userId }) => {
      if (!isLinked(userId, params.institutionId)) return error(404, '没有关注这个机构 (not linked)')
      const items = state.notices.filter((n) => n.institutionId === params.institutionId && visible(n)).sort(order).map((n) => toNotice(n, userId))
      const list: NoticeList = { items, unread: items.filter((n) => !n.read).length }
      return HttpResponse.json(list)
    }),
  ),

  http.post(
    api('/institutions/:institutionId/notices'),
    authed(async ({ request, params, userId }) => {
      if (!isCommittee(userId, params.institutionId)) return error(403, '只有家委会成员可以发布公告')
      const body = (await request.json()) as NoticeInput
      const field = invalid(body)
      if (field) return error(400, `${field} is invalid`)
      const now = new Date().toISOString()
      const notice: MockNotice = {
        id: nextId(), institutionId: params.institutionId, title: body.title, body: body.body, category: body.category, pinned: Boolean(body.pinned),
        expiresAt: body.expiresAt ?? null, authorName: state.displayNames.get(`${params.institutionId}:${userId}`) ?? '家委会成员', postedAt: now, updatedAt: now,
        images: (body.imageIds ?? []).map((id) => ({ id, url: state.images.get(id) as string })), version: 1, status: 'published', takedownReason: null, authorId: userId,
      }
      state.notices.push(notice)
      return HttpResponse.json(toCommittee(notice, userId), { status: 201 })
    }),
  ),

  http.get(
    api('/institutions/:institutionId/committee/notices'),
    authed(({ params, userId }) => {
      if (!isCommittee(userId, params.institutionId)) return error(403, '只有家委会成员可以查看')
      const items = state.notices.filter((n) => n.institutionId === params.institutionId).sort(order).map((n) => toCommittee(n, userId))
      return HttpResponse.json({ items })
    }),
  ),

  http.put(
    api('/institutions/:institutionId/committee/profile'),
    authed(async ({ request, params, userId }) => {
      if (!isCommittee(userId, params.institutionId)) return error(403, '只有家委会成员可以修改')
      const body = (await request.json()) as { displayName?: string; contact?: string }
      if (body.displayName) state.displayNames.set(`${params.institutionId}:${userId}`, body.displayName)
      if (body.contact !== undefined) state.contacts.set(params.institutionId, body.contact)
      return HttpResponse.json(committeePage(params.institutionId))
    }),
  ),

  http.post(
    api('/institutions/:institutionId/committee/meetings'),
    authed(async ({ request, params, userId }) => {
      if (!isCommittee(userId, params.institutionId)) return error(403, '只有家委会成员可以添加')
      const body = (await request.json()) as Omit<Meeting, 'id'>
      const meeting: Meeting = { id: nextId(), heldOn: body.heldOn, title: body.title, minutes: body.minutes }
      state.meetings.set(params.institutionId, [meeting, ...(state.meetings.get(params.institutionId) ?? [])])
      return HttpResponse.json(meeting, { status: 201 })
    }),
  ),

  http.get(api('/institutions/:institutionId/committee'), ({ params }) => {
    const institutionId = String(params.institutionId)
    if (!institutionFixtures.some((i) => i.id === institutionId)) return error(404, 'institution not found')
    return HttpResponse.json(committeePage(institutionId))
  }),

  http.post(
    api('/notices/images'),
    authed(async ({ request }) => {
      const form = await request.formData()
      const file = form.get('image')
      if (!file || typeof file === 'string') return error(400, 'image is required')
      const id = nextId()
      state.images.set(id, `/api/notices/images/${id}`)
      const uploaded: UploadedNoticeImage = { id, bytes: file.size, contentType: file.type || 'image/jpeg' }
      return HttpResponse.json(uploaded, { status: 201 })
    }),
  ),

  http.get(
    api('/notices/:id'),
    authed(({ params, userId }) => {
      const notice = state.notices.find((n) => n.id === params.id)
      if (!notice || !(isLinked(userId, notice.institutionId) || isCommittee(userId, notice.institutionId)) || (!visible(notice) && !isCommittee(userId, notice.institutionId))) {
        return error(404, '公告不存在或已撤回')
      }
      const answer = toNotice(notice, userId)
      if (isLinked(userId, notice.institutionId)) {
        const readers = state.reads.get(notice.id) ?? new Set<string>()
        readers.add(userId)
        state.reads.set(notice.id, readers)
      }
      return HttpResponse.json(answer)
    }),
  ),

  http.put(
    api('/notices/:id'),
    authed(async ({ request, params, userId }) => {
      const notice = state.notices.find((n) => n.id === params.id)
      if (!notice || !isCommittee(userId, notice.institutionId)) return error(404, '公告不存在')
      if (notice.authorId !== userId) return error(403, '只能修改自己发布的公告')
      const body = (await request.json()) as NoticeEdit
      const field = invalid(body)
      if (field) return error(400, `${field} is invalid`)
      const { imageIds, ...rest } = body
      Object.assign(notice, rest, { updatedAt: new Date().toISOString(), version: notice.version + 1 })
      notice.images = imageIds.map((id) => ({ id, url: state.images.get(id) as string }))
      return HttpResponse.json(toCommittee(notice, userId))
    }),
  ),

  http.post(
    api('/notices/:id/withdraw'),
    authed(({ params, userId }) => {
      const notice = state.notices.find((n) => n.id === params.id)
      if (!notice || !isCommittee(userId, notice.institutionId)) return error(404, '公告不存在')
      if (notice.authorId !== userId) return error(403, '只能撤回自己发布的公告')
      notice.status = 'withdrawn'
      return HttpResponse.json(toCommittee(notice, userId))
    }),
  ),

  http.post(
    api('/notices/:id/report'),
    authed(async ({ request, params, userId }) => {
      const notice = state.notices.find((n) => n.id === params.id)
      if (!notice || !isLinked(userId, notice.institutionId)) return error(404, '公告不存在')
      const { reason } = (await request.json()) as { reason?: string }
      if (!reason || reason.length < 2 || reason.length > 500) return error(400, 'reason is invalid')
      if (state.reports.some((r) => r.noticeId === notice.id && r.userId === userId)) return error(409, '您已举报过这条公告')
      state.reports.push({ noticeId: notice.id, userId, reason })
      const receipt: Static<typeof ReportReceipt> = { id: nextId(), reportedAt: new Date().toISOString() }
      return HttpResponse.json(receipt, { status: 201 })
    }),
  ),
]

/** Test-side access to the mock's state. */
export const noticesMock = {
  reset(): void {
    state = fresh()
  },
  /** Adds a published notice (by someone else unless `authorId`), newest unless `postedAt` says otherwise. */
  add(patch: Partial<MockNotice> & { institutionId: string }): MockNotice {
    const now = new Date().toISOString()
    const notice: MockNotice = {
      id: nextId(), title: '测试公告', body: '内容', category: 'notice', pinned: false, expiresAt: null, authorName: '家委会成员', postedAt: now,
      images: [], updatedAt: now, version: 1, status: 'published', takedownReason: null, authorId: null, ...patch,
    }
    state.notices.push(notice)
    return notice
  },
  notices(): MockNotice[] {
    return state.notices
  },
  clear(): void {
    state.notices = []
  },
  reports() {
    return state.reports
  },
  markRead(noticeId: string, userId: string): void {
    const readers = state.reads.get(noticeId) ?? new Set<string>()
    readers.add(userId)
    state.reads.set(noticeId, readers)
  },
}

import { http, HttpResponse, type PathParams } from 'msw'
import type { ErrorResponse } from '../../types/common'
import type { GuidanceRequest, GuidanceRequestInput, GuidanceStatus } from '../../types/guidance'
import { regionFixtures } from '../fixtures/app'
import { guidanceCentreFixture } from '../fixtures/app/guidance'
import { accountMock } from './account'

/**
 * An in-memory imitation of the BFF's home-guidance endpoints for parents (types/guidance.ts), with its rules:
 * the child must be the parent's, windows from tomorrow up to 60 days (China time) and none twice, a district (not
 * a 市州), at most 3 open requests. Tests shape it through `guidanceMock` and reset it after each test.
 */

type MockRequest = GuidanceRequest & { userId: string }

const SERVICES = ['home_visit', 'health_check', 'growth_monitoring', 'feeding_guidance', 'vaccination_advice', 'disease_control']
const PERIODS = ['morning', 'afternoon', 'evening']
const OPEN: GuidanceStatus[] = ['requested', 'scheduled']
const MAX_OPEN = 3
const DAY = 24 * 3600 * 1000

const api = (path: string) => `*/api${path}`
let counter = 0
const nextId = () => {
  counter += 1
  return `9d1e0000-0000-4000-9000-${String(counter).padStart(12, '0')}`
}

let requests: MockRequest[] = []

function error(statusCode: number, message: string, field?: string) {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict' }
  const body: ErrorResponse = { statusCode, error: names[statusCode] ?? 'Error', message: field ? `参数 ${field} 无效：${message}` : message, ...(field ? { field } : {}) }
  return HttpResponse.json(body, { status: statusCode })
}

const chinaDate = (ms: number) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10)
const districtOf = (code: string) => regionFixtures.cities.flatMap((c) => c.districts).find((d) => d.code === code)

function invalid(body: Partial<GuidanceRequestInput>): Response | null {
  if (!SERVICES.includes(body.service as string)) return error(400, 'must be equal to one of the allowed values', 'service')
  const windows = Array.isArray(body.timeWindows) ? body.timeWindows : []
  if (windows.length < 1 || windows.length > 6) return error(400, '请选择1到6个时间段', 'timeWindows')
  const first = chinaDate(Date.now() + DAY)
  const last = chinaDate(Date.now() + 60 * DAY)
  const seen = new Set<string>()
  for (const w of windows) {
    if (!PERIODS.includes(w.period)) return error(400, 'must be equal to one of the allowed values', 'timeWindows')
    if (w.date < first) return error(400, `时间段最早从明天（${first}）开始 (a window on ${w.date} is before tomorrow)`, 'timeWindows')
    if (w.date > last) return error(400, `时间段最晚为 60 天内（${last}）`, 'timeWindows')
    if (seen.has(`${w.date} ${w.period}`)) return error(400, `时间段 ${w.date} 重复了`, 'timeWindows')
    seen.add(`${w.date} ${w.period}`)
  }
  if (regionFixtures.cities.some((c) => c.code === body.districtCode)) return error(400, '请选择区县，而不是市州', 'districtCode')
  if (!districtOf(body.districtCode ?? '')) return error(400, `未知的区县代码 ${body.districtCode}`, 'districtCode')
  if (typeof body.address !== 'string' || [...body.address.trim()].length < 4) return error(400, '请填写详细地址，便于上门 (address too short)', 'address')
  if (!/^1[3-9][0-9]{9}$/.test(body.contactPhone ?? '')) return error(400, 'must match pattern "^1[3-9][0-9]{9}$"', 'contactPhone')
  if ((body.note ?? '').length > 500) return error(400, 'must NOT have more than 500 characters', 'note')
  return null
}

const present = ({ userId: _user, ...request }: MockRequest): GuidanceRequest => request

type Args = { request: Request; params: Record<string, string>; userId: string }
function authed(handler: (args: Args) => Response | Promise<Response>) {
  return ({ request, params }: { request: Request; params: PathParams }) => {
    const userId = accountMock.userIdOf(request)
    if (!userId) return error(401, '请先登录 (sign-in required)')
    return handler({ request, params: params as Record<string, string>, userId })
  }
}

const mine = (userId: string, id: string) => requests.find((r) => r.id === id && r.userId === userId)

export const guidanceHandlers = [
  http.post(
    api('/guidance-requests'),
    authed(async ({ request, userId }) => {
      const body = (await request.json()) as Partial<GuidanceRequestInput>
      const child = accountMock.user(userId)?.children.find((c) => c.id === body.childId)
      if (!child) return error(404, '没有找到这个孩子', 'childId')
      const bad = invalid(body)
      if (bad) return bad
      if (requests.filter((r) => r.userId === userId && OPEN.includes(r.status)).length >= MAX_OPEN) return error(409, `最多同时有 ${MAX_OPEN} 条未完成的申请，请等办理完或取消后再申请`)
      const now = new Date().toISOString()
      const input = body as GuidanceRequestInput
      const created: MockRequest = {
        id: nextId(), userId, service: input.service, status: 'requested', child: { id: child.id, nickname: child.nickname, birthMonth: child.birthMonth },
        timeWindows: input.timeWindows, districtCode: input.districtCode, districtName: districtOf(input.districtCode)?.name ?? '', address: input.address.trim(),
        contactPhone: input.contactPhone, note: input.note ?? '', centre: null, scheduledAt: null, staffName: null, declineReason: null,
        createdAt: now, updatedAt: now, history: [{ status: 'requested', at: now, note: null }],
      }
      requests.push(created)
      return HttpResponse.json(present(created), { status: 201 })
    }),
  ),

  http.get(
    api('/guidance-requests'),
    authed(({ userId }) => {
      const items = requests.filter((r) => r.userId === userId).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(present)
      return HttpResponse.json({ items })
    }),
  ),

  http.get(
    api('/guidance-requests/:id'),
    authed(({ params, userId }) => {
      const found = mine(userId, params.id)
      return found ? HttpResponse.json(present(found)) : error(404, '没有找到这条申请')
    }),
  ),

  http.post(
    api('/guidance-requests/:id/cancel'),
    authed(({ params, userId }) => {
      const found = mine(userId, params.id)
      if (!found) return error(404, '没有找到这条申请')
      if (!OPEN.includes(found.status)) return error(409, '这条申请已办结，不能取消')
      const now = new Date().toISOString()
      Object.assign(found, { status: 'cancelled', updatedAt: now, history: [...found.history, { status: 'cancelled', at: now, note: null }] })
      return HttpResponse.json(present(found))
    }),
  ),
]

/** Test-side access to the mock's state. */
export const guidanceMock = {
  reset(): void {
    requests = []
  },
  requests(): MockRequest[] {
    return requests
  },
  /** A request of `userId` for one of their children, moved on as the centre would (scheduled, declined, done). */
  add(userId: string, childId: string, status: GuidanceStatus = 'requested', patch: Partial<GuidanceRequest> = {}): MockRequest {
    const child = accountMock.user(userId)?.children.find((c) => c.id === childId)
    const created = new Date(Date.now() - 2 * DAY).toISOString()
    const moved = new Date(Date.now() - DAY).toISOString()
    const history: GuidanceRequest['history'] = [{ status: 'requested', at: created, note: null }]
    if (status === 'scheduled' || status === 'done') history.push({ status: 'scheduled', at: moved, note: null })
    if (status === 'done') history.push({ status: 'done', at: moved, note: '生长发育正常，下次体检时复查' })
    if (status === 'declined') history.push({ status: 'declined', at: moved, note: '该地址不在本中心服务范围，请联系所在街道中心' })
    if (status === 'cancelled') history.push({ status: 'cancelled', at: moved, note: null })
    const request: MockRequest = {
      id: nextId(), userId, service: 'home_visit', status, child: { id: childId, nickname: child?.nickname ?? '小明', birthMonth: child?.birthMonth ?? '2025-09' },
      timeWindows: [{ date: chinaDate(Date.now() + DAY), period: 'morning' }], districtCode: '220104', districtName: '朝阳区', address: '红旗街道示例小区3栋501',
      contactPhone: '13800000000', note: '', centre: status === 'requested' || status === 'cancelled' ? null : guidanceCentreFixture,
      scheduledAt: status === 'scheduled' || status === 'done' ? new Date(Date.now() + 2 * DAY).toISOString() : null,
      staffName: status === 'scheduled' || status === 'done' ? '王丽 主任医师' : null,
      declineReason: status === 'declined' ? '该地址不在本中心服务范围，请联系所在街道中心' : null,
      createdAt: created, updatedAt: moved, history, ...patch,
    }
    requests.push(request)
    return request
  },
}

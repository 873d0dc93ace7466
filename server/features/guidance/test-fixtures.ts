import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { FastifyInstance } from 'fastify'
import type { GuidanceRequestInput } from '../../../types/guidance'
import { aHealthCentre } from '../../../test/support/seed-registry'
import { signedInUser } from '../../../test/support/test-app'
import { chinaToday } from '../../shared/china-time'
import { acceptConsents, addChild } from '../me/test-fixtures'

dayjs.extend(utc)

export type Headers = { authorization: string }
export type User = Awaited<ReturnType<typeof signedInUser>>

let serial = 0

/** A calendar day in China, `days` from today. */
export const chinaDay = (days: number) => dayjs.utc(chinaToday()).add(days, 'day').format('YYYY-MM-DD')
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

/**
 * Community health centres: two in 长春市朝阳区 (220104), one in 南关区 (220102), one in 延吉市 (222401).
 * Names are unique per call, so a test file may seed several sets.
 */
export async function seedCentres(app: FastifyInstance) {
  serial += 1
  const insert = async (name: string, cityCode: string, districtCode: string) =>
    (
      await aHealthCentre(app, {
        name: `${name}${serial}（测试）`,
        cityCode,
        districtCode,
        address: '示例路1号',
        lat: 43.83,
        lng: 125.29,
        phone: '0431-80000000',
        isDemo: true,
      })
    ).id
  return {
    chaoyang: await insert('朝阳区红旗街社区卫生服务中心', '220100', '220104'),
    chaoyangOther: await insert('朝阳区桂林社区卫生服务中心', '220100', '220104'),
    nanguan: await insert('南关区南岭社区卫生服务中心', '220100', '220102'),
    yanji: await insert('延吉市建工社区卫生服务中心', '222400', '222401'),
  }
}

/** A parent who gave both consents and added one child, as the app does before asking for guidance. */
export async function parentWithChild(app: FastifyInstance, child = { nickname: '豆豆', birthMonth: '2025-09' }) {
  const user = await signedInUser(app)
  await acceptConsents(app, user.headers)
  const response = await addChild(app, user.headers, child)
  if (response.statusCode !== 201) throw new Error(`adding a child failed: ${response.statusCode} ${response.body}`)
  return { ...user, childId: response.json().id as string }
}

export function aRequest(childId: string, overrides: Partial<GuidanceRequestInput> = {}): GuidanceRequestInput {
  return {
    service: 'home_visit',
    childId,
    timeWindows: [
      { date: chinaDay(3), period: 'morning' },
      { date: chinaDay(2), period: 'afternoon' },
    ],
    districtCode: '220104',
    address: '长春市朝阳区红旗街1号3单元502',
    contactPhone: '13900001111',
    note: '孩子下午一般在睡觉',
    ...overrides,
  }
}

export const fileRequest = (app: FastifyInstance, headers: Headers, body: object) =>
  app.inject({ method: 'POST', url: '/api/guidance-requests', headers, payload: body })

/** Files the request and returns its id, failing loudly if filing did not work. */
export async function requested(app: FastifyInstance, headers: Headers, body: object): Promise<string> {
  const response = await fileRequest(app, headers, body)
  if (response.statusCode !== 201) throw new Error(`filing failed: ${response.statusCode} ${response.body}`)
  return response.json().id as string
}

export const cancel = (app: FastifyInstance, headers: Headers, id: string) =>
  app.inject({ method: 'POST', url: `/api/guidance-requests/${id}/cancel`, headers })
export const myRequest = (app: FastifyInstance, headers: Headers, id: string) => app.inject({ url: `/api/guidance-requests/${id}`, headers })

export const act = (app: FastifyInstance, headers: Headers, id: string, action: 'schedule' | 'decline' | 'complete', payload?: object) =>
  app.inject({ method: 'POST', url: `/api/centre/guidance-requests/${id}/${action}`, headers, ...(payload ? { payload } : {}) })

export const schedule = (app: FastifyInstance, headers: Headers, id: string, centreId: string, overrides: object = {}) =>
  act(app, headers, id, 'schedule', { centreId, scheduledAt: hoursFromNow(48), staffName: '王医生', ...overrides })
export const decline = (app: FastifyInstance, headers: Headers, id: string, centreId: string, reason = '本周人手不足，请改约') =>
  act(app, headers, id, 'decline', { centreId, reason })

export const centreList = (app: FastifyInstance, headers: Headers, query = '') => app.inject({ url: `/api/centre/guidance-requests${query}`, headers })

import type { FastifyInstance } from 'fastify'
import type { NoticeEdit, NoticeInput } from '../../../types/notices'
import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { signedInUser, signedInWith } from '../../../test/support/test-app'

export type Headers = { authorization: string }

/** Two institutions in Changchun (220100) and one in Yanbian (222400). */
export const seedInstitutions = (app: FastifyInstance) =>
  seedRecords(app, {
    a: aRecord({ name: `公告测试园A${Date.now()}` }),
    b: aRecord({ name: `公告测试园B${Date.now()}` }),
    yanbian: aRecord({ name: `公告测试园延吉${Date.now()}`, ...YANBIAN }),
  })

/** A parent linked to the institution (the invitation-code flow itself is tested in the me feature). */
export async function linkedParent(app: FastifyInstance, institutionId: string) {
  const user = await signedInUser(app)
  await app.database.db.insertInto('institutionLinks').values({ userId: user.userId, institutionId }).execute()
  return user
}

export async function committeeMember(app: FastifyInstance, institutionId: string, displayName?: string) {
  const user = await signedInWith(app, { role: 'committee', institutionId })
  if (displayName) await app.database.db.insertInto('committeeMemberNames').values({ userId: user.userId, institutionId, displayName }).execute()
  return user
}

export function aNotice(overrides: Partial<NoticeInput> = {}): Partial<NoticeInput> {
  return { title: '本周五家长开放日', body: '请各位家长于周五上午九点到园。\n请携带身份证。', category: 'activity', ...overrides }
}

/** A whole notice for PUT /notices/:id: aNotice's text as posted, not pinned, no expiry, no images, then the overrides. */
export function anEdit(overrides: Partial<NoticeEdit> = {}): NoticeEdit {
  return { ...(aNotice() as Pick<NoticeEdit, 'title' | 'body' | 'category'>), pinned: false, expiresAt: null, imageIds: [], ...overrides }
}

export async function postNotice(app: FastifyInstance, headers: Headers, institutionId: string, body: object = aNotice()) {
  return app.inject({ method: 'POST', url: `/api/institutions/${institutionId}/notices`, headers, payload: body })
}

/** Posts and returns the notice's id, failing loudly if posting did not work. */
export async function posted(app: FastifyInstance, headers: Headers, institutionId: string, body: object = aNotice()): Promise<string> {
  const response = await postNotice(app, headers, institutionId, body)
  if (response.statusCode !== 201) throw new Error(`posting failed: ${response.statusCode} ${response.body}`)
  return response.json().id as string
}

export const openNotice = (app: FastifyInstance, headers: Headers, id: string) => app.inject({ method: 'GET', url: `/api/notices/${id}`, headers })
export const listNotices = (app: FastifyInstance, headers: Headers, institutionId: string) =>
  app.inject({ method: 'GET', url: `/api/institutions/${institutionId}/notices`, headers })
export const committeeList = (app: FastifyInstance, headers: Headers, institutionId: string) =>
  app.inject({ method: 'GET', url: `/api/institutions/${institutionId}/committee/notices`, headers })

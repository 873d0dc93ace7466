import { wxRequestWithoutData } from '../../../test/support/wx-request'
import { aNotice, anEdit, committeeList, committeeMember, linkedParent, listNotices, openNotice, posted, seedInstitutions, type Headers } from './test-fixtures'
import { signedInRegulator, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()
let inst: Awaited<ReturnType<typeof seedInstitutions>>

beforeAll(async () => {
  inst = await seedInstitutions(app)
})

const edit = (headers: Headers, id: string, payload: object) => app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers, payload })
const withdraw = (headers: Headers, id: string) => app.inject({ method: 'POST', url: `/api/notices/${id}/withdraw`, headers })
const history = (headers: Headers, id: string) => app.inject({ method: 'GET', url: `/api/notices/${id}/history`, headers })
const takedown = (headers: Headers, id: string, reason = '内容涉及个人隐私') =>
  app.inject({ method: 'POST', url: `/api/admin/notices/${id}/takedown`, headers, payload: { reason } })
const report = (headers: Headers, id: string, reason = '内容不实') =>
  app.inject({ method: 'POST', url: `/api/notices/${id}/report`, headers, payload: { reason } })

describe('editing and withdrawing', () => {
  it('keeps every earlier version when the author edits', async () => {
    const author = await committeeMember(app, inst.a)
    const id = await posted(app, author.headers, inst.a, aNotice({ title: '第一版标题' }))
    const first = await edit(author.headers, id, anEdit({ title: '第二版标题' }))
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ title: '第二版标题', version: 2, pinned: false, category: 'activity' })
    const third = await edit(author.headers, id, anEdit({ title: '第二版标题', pinned: true, body: '第三版正文' }))
    expect(third.json()).toMatchObject({ version: 3, pinned: true, title: '第二版标题', body: '第三版正文' })

    const res = await history(author.headers, id)
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((v: { version: number; title: string; pinned: boolean }) => [v.version, v.title, v.pinned])).toEqual([
      [1, '第一版标题', false],
      [2, '第二版标题', false],
      [3, '第二版标题', true],
    ])
  })

  it('lets only the author edit or withdraw (403), and validates edits (400 naming the field)', async () => {
    const author = await committeeMember(app, inst.a)
    const colleague = await committeeMember(app, inst.a)
    const id = await posted(app, author.headers, inst.a)
    expect((await edit(colleague.headers, id, anEdit({ title: '别人改的' }))).statusCode).toBe(403)
    expect((await withdraw(colleague.headers, id)).statusCode).toBe(403)
    expect((await edit(author.headers, id, anEdit({ body: 'a\u001bb' }))).json().field).toBe('body')
    expect((await edit(author.headers, id, anEdit({ expiresAt: '2020-01-01T00:00:00Z' }))).json().field).toBe('expiresAt')
    expect((await edit(author.headers, id, {})).statusCode).toBe(400)
    // A replacement names every field: one left out is refused, never reset to a default.
    const { pinned: _pinned, ...withoutPinned } = anEdit({ pinned: true })
    expect((await edit(author.headers, id, withoutPinned)).json().field).toBe('pinned')
    expect((await edit(author.headers, '00000000-0000-4000-8000-000000000000', anEdit({ title: '不存在的' }))).statusCode).toBe(404)
    // The colleague of the committee may read the history; a parent may not.
    expect((await history(colleague.headers, id)).statusCode).toBe(200)
    expect((await history((await linkedParent(app, inst.a)).headers, id)).statusCode).toBe(403)
  })

  it('hides a withdrawn notice from parents (404) but keeps it and a version', async () => {
    const author = await committeeMember(app, inst.a)
    const parent = await linkedParent(app, inst.a)
    const id = await posted(app, author.headers, inst.a)
    const res = await withdraw(author.headers, id)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'withdrawn', version: 2 })
    expect((await openNotice(app, parent.headers, id)).statusCode).toBe(404)
    expect((await listNotices(app, parent.headers, inst.a)).json().items.map((n: { id: string }) => n.id)).not.toContain(id)
    expect((await history(author.headers, id)).json().items).toHaveLength(2)
    expect((await edit(author.headers, id, anEdit({ title: '撤回后再改' }))).statusCode).toBe(409)
    expect((await withdraw(author.headers, id)).statusCode).toBe(409)
  })

  it('keeps the date of an expired notice through an edit, but refuses a new date in the past', async () => {
    const author = await committeeMember(app, inst.a)
    const id = await posted(app, author.headers, inst.a)
    const expired = '2026-01-01T00:00:00.000Z'
    await testDb.database.db.updateTable('notices').set({ expiresAt: expired }).where('id', '=', id).execute()
    const kept = await edit(author.headers, id, anEdit({ title: '过期后改标题', expiresAt: expired }))
    expect(kept.statusCode).toBe(200)
    expect(kept.json()).toMatchObject({ title: '过期后改标题', status: 'expired' })
    expect(Date.parse(kept.json().expiresAt)).toBe(Date.parse(expired))
    expect((await edit(author.headers, id, anEdit({ expiresAt: '2026-01-02T00:00:00.000Z' }))).json().field).toBe('expiresAt')
  })

  it('withdraws as wx.request sends it (JSON content type, no body)', async () => {
    const author = await committeeMember(app, inst.a)
    const id = await posted(app, author.headers, inst.a)
    const res = await wxRequestWithoutData(app, 'POST', `/api/notices/${id}/withdraw`, author.headers)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'withdrawn' })
  })
})

describe('reports and takedowns', () => {
  it('takes a notice down: parents get 404, the author sees the reason, a version is kept, no more edits', async () => {
    const author = await committeeMember(app, inst.a)
    const parent = await linkedParent(app, inst.a)
    const id = await posted(app, author.headers, inst.a)
    const changchun = await signedInRegulator(app, '220100')
    const res = await takedown(changchun.headers, id)
    expect(res.statusCode).toBe(200)
    expect((await openNotice(app, parent.headers, id)).statusCode).toBe(404)
    const seen = (await committeeList(app, author.headers, inst.a)).json().items.find((n: { id: string }) => n.id === id)
    expect(seen).toMatchObject({ status: 'taken_down', takedownReason: '内容涉及个人隐私', version: 2 })
    expect((await history(changchun.headers, id)).json().items).toHaveLength(2)
    expect((await edit(author.headers, id, anEdit({ title: '下架后再改' }))).statusCode).toBe(409)
    expect((await takedown(changchun.headers, id)).statusCode).toBe(409)
  })

  it('refuses a regulator of another 市州 (403), a committee member (403) and an unknown notice (404)', async () => {
    const author = await committeeMember(app, inst.a)
    const id = await posted(app, author.headers, inst.a)
    const yanbian = await signedInRegulator(app, '222400')
    expect((await takedown(yanbian.headers, id)).statusCode).toBe(403)
    expect((await history(yanbian.headers, id)).statusCode).toBe(403)
    expect((await takedown(author.headers, id)).statusCode).toBe(403)
    expect((await takedown(yanbian.headers, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect((await takedown(yanbian.headers, id, '')).json().field).toBe('reason')
    const province = await signedInRegulator(app, '220000')
    expect((await takedown(province.headers, id)).statusCode).toBe(200)
  })

  it('takes one report per parent per notice, from parents who can see it, listed to regulators of the 市州', async () => {
    const author = await committeeMember(app, inst.a)
    const parent = await linkedParent(app, inst.a)
    const id = await posted(app, author.headers, inst.a, aNotice({ title: '被举报的公告' }))
    const first = await report(parent.headers, id)
    expect(first.statusCode).toBe(201)
    expect((await report(parent.headers, id)).statusCode).toBe(409)
    const together = await Promise.all([1, 2, 3].map(async () => report((await linkedParent(app, inst.a)).headers, id)))
    expect(together.map((r) => r.statusCode)).toEqual([201, 201, 201])
    const again = await linkedParent(app, inst.a)
    const racing = await Promise.all([1, 2, 3, 4].map(() => report(again.headers, id)))
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409])
    expect((await report((await linkedParent(app, inst.b)).headers, id)).statusCode).toBe(404)
    expect((await report(parent.headers, id, 'x')).json().field).toBe('reason')

    const changchun = await signedInRegulator(app, '220100')
    const listed = (await app.inject({ method: 'GET', url: '/api/admin/notice-reports', headers: changchun.headers }))
      .json()
      .items.filter((r: { noticeId: string }) => r.noticeId === id)
    expect(listed).toHaveLength(5)
    expect(listed[0]).toMatchObject({ noticeTitle: '被举报的公告', reason: '内容不实', noticeStatus: 'published' })
    const yanbian = await signedInRegulator(app, '222400')
    const elsewhere = (await app.inject({ method: 'GET', url: '/api/admin/notice-reports', headers: yanbian.headers })).json().items
    expect(elsewhere.filter((r: { noticeId: string }) => r.noticeId === id)).toEqual([])
    expect((await app.inject({ method: 'GET', url: '/api/admin/notice-reports', headers: parent.headers })).statusCode).toBe(403)
  })
})

import { aNotice, committeeList, committeeMember, linkedParent, listNotices, openNotice, posted, seedInstitutions } from './test-fixtures'
import { signedInUser, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()

const setBack = (id: string, postedAt: string) => app.database.db.updateTable('notices').set({ postedAt }).where('id', '=', id).execute()

describe("who reads an institution's notices", () => {
  it('answers 404 (not 403) to parents not linked to it, for the list and a single notice', async () => {
    const inst = await seedInstitutions(app)
    const member = await committeeMember(app, inst.a)
    const id = await posted(app, member.headers, inst.a)
    const parentOfB = await linkedParent(app, inst.b)
    const stranger = await signedInUser(app)
    for (const user of [parentOfB, stranger]) {
      expect((await listNotices(app, user.headers, inst.a)).statusCode).toBe(404)
      expect((await openNotice(app, user.headers, id)).statusCode).toBe(404)
    }
    expect((await app.inject({ method: 'GET', url: `/api/institutions/${inst.a}/notices` })).statusCode).toBe(401)
    const parentOfA = await linkedParent(app, inst.a)
    expect((await listNotices(app, parentOfA.headers, inst.a)).statusCode).toBe(200)
    expect((await openNotice(app, parentOfA.headers, id)).statusCode).toBe(200)
    expect((await listNotices(app, member.headers, inst.a)).statusCode).toBe(200)
  })

  it('lists pinned notices first, then newest, and hides expired ones', async () => {
    const inst = await seedInstitutions(app)
    const member = await committeeMember(app, inst.a)
    const old = await posted(app, member.headers, inst.a, aNotice({ title: '旧的通知' }))
    const pinnedOld = await posted(app, member.headers, inst.a, aNotice({ title: '置顶的旧通知', pinned: true }))
    const recent = await posted(app, member.headers, inst.a, aNotice({ title: '新的通知' }))
    const expiring = await posted(app, member.headers, inst.a, aNotice({ title: '已过期的通知', expiresAt: new Date(Date.now() + 60_000).toISOString() }))
    await setBack(old, '2026-01-01T00:00:00.000Z')
    await setBack(pinnedOld, '2025-06-01T00:00:00.000Z')
    await app.database.db
      .updateTable('notices')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expiring)
      .execute()

    const parent = await linkedParent(app, inst.a)
    const res = await listNotices(app, parent.headers, inst.a)
    expect(res.json().items.map((n: { id: string }) => n.id)).toEqual([pinnedOld, recent, old])
    expect((await openNotice(app, parent.headers, expiring)).statusCode).toBe(404)
    const committee = (await committeeList(app, member.headers, inst.a)).json().items
    expect(committee.find((n: { id: string }) => n.id === expiring).status).toBe('expired')
  })
})

describe('reads and unread counts', () => {
  it('counts unread per parent and over all linked institutions (the badge)', async () => {
    const inst = await seedInstitutions(app)
    const memberA = await committeeMember(app, inst.a)
    const memberB = await committeeMember(app, inst.b)
    const a1 = await posted(app, memberA.headers, inst.a)
    await posted(app, memberA.headers, inst.a)
    await posted(app, memberB.headers, inst.b)

    const parent = await linkedParent(app, inst.a)
    await app.database.db.insertInto('institutionLinks').values({ userId: parent.userId, institutionId: inst.b }).execute()
    const badge = async () => (await app.inject({ method: 'GET', url: '/api/me/notices/unread', headers: parent.headers })).json()
    expect(await badge()).toMatchObject({ unread: 3 })
    expect((await badge()).byInstitution).toEqual(
      expect.arrayContaining([expect.objectContaining({ institutionId: inst.a, unread: 2 }), expect.objectContaining({ institutionId: inst.b, unread: 1 })]),
    )
    expect((await listNotices(app, parent.headers, inst.a)).json().unread).toBe(2)

    const opened = await openNotice(app, parent.headers, a1)
    expect(opened.json().read).toBe(true)
    expect((await listNotices(app, parent.headers, inst.a)).json()).toMatchObject({ unread: 1 })
    expect((await listNotices(app, parent.headers, inst.a)).json().items.find((n: { id: string }) => n.id === a1).read).toBe(true)
    expect((await badge()).unread).toBe(2)
    // Another parent's reads are their own.
    const other = await linkedParent(app, inst.a)
    expect((await listNotices(app, other.headers, inst.a)).json().unread).toBe(2)
    expect((await app.inject({ method: 'GET', url: '/api/me/notices/unread', headers: (await signedInUser(app)).headers })).json()).toEqual({
      unread: 0,
      byInstitution: [],
    })
  })

  it('stays exact under concurrent reads: 20 parents × 3 opens → 20; one parent 10 times at once → 1', async () => {
    const inst = await seedInstitutions(app)
    const member = await committeeMember(app, inst.a)
    const id = await posted(app, member.headers, inst.a)
    const parents = await Promise.all(Array.from({ length: 20 }, () => linkedParent(app, inst.a)))
    const opens = await Promise.all(parents.flatMap((p) => [1, 2, 3].map(() => openNotice(app, p.headers, id))))
    expect(opens.every((r) => r.statusCode === 200)).toBe(true)
    const readCount = async () => (await committeeList(app, member.headers, inst.a)).json().items.find((n: { id: string }) => n.id === id)
    expect(await readCount()).toMatchObject({ readCount: 20, linkedParents: 20 })

    const second = await posted(app, member.headers, inst.a)
    const one = parents[0]
    const tenAtOnce = await Promise.all(Array.from({ length: 10 }, () => openNotice(app, one.headers, second)))
    expect(tenAtOnce.every((r) => r.statusCode === 200)).toBe(true)
    const row = (await committeeList(app, member.headers, inst.a)).json().items.find((n: { id: string }) => n.id === second)
    expect(row.readCount).toBe(1)

    // A parent who unlinks no longer counts, nor does a committee member's own opening.
    await openNotice(app, member.headers, id)
    await app.database.db.deleteFrom('institutionLinks').where('userId', '=', parents[1].userId).execute()
    expect(await readCount()).toMatchObject({ readCount: 19, linkedParents: 19 })
  })
})

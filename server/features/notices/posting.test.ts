import { aNotice, committeeMember, linkedParent, postNotice, posted, seedInstitutions } from './test-fixtures'
import { signedInUser, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let inst: Awaited<ReturnType<typeof seedInstitutions>>

beforeAll(async () => {
  inst = await seedInstitutions(app)
})

describe('POST /api/institutions/:institutionId/notices', () => {
  it('posts as the member, under their display name, with the text stored as given', async () => {
    const member = await committeeMember(app, inst.a, '王女士')
    const body = '<b>不是HTML</b> https://example.com\n\t第二行'
    const res = await postNotice(app, member.headers, inst.a, aNotice({ body, pinned: true }))
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      institutionId: inst.a,
      body,
      pinned: true,
      category: 'activity',
      authorName: '王女士',
      version: 1,
      images: [],
      expiresAt: null,
      status: 'published',
      readCount: 0,
      linkedParents: 0,
      takedownReason: null,
      read: false,
    })
  })

  it("uses '家委会成员' for a member who has not chosen a display name", async () => {
    const member = await committeeMember(app, inst.a)
    const res = await postNotice(app, member.headers, inst.a)
    expect(res.json().authorName).toBe('家委会成员')
  })

  it('refuses a committee member of another institution, a parent and a stranger with 403, and no token with 401', async () => {
    const memberOfA = await committeeMember(app, inst.a)
    expect((await postNotice(app, memberOfA.headers, inst.b)).statusCode).toBe(403)
    const parent = await linkedParent(app, inst.a)
    expect((await postNotice(app, parent.headers, inst.a)).statusCode).toBe(403)
    const stranger = await signedInUser(app)
    expect((await postNotice(app, stranger.headers, inst.a)).statusCode).toBe(403)
    const anonymous = await app.inject({ method: 'POST', url: `/api/institutions/${inst.a}/notices`, payload: aNotice() })
    expect(anonymous.statusCode).toBe(401)
    const count = await app.database.db
      .selectFrom('notices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('institutionId', '=', inst.b)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it.each([
    [{ title: 'x' }, 'title'],
    [{ title: '标题\u0000带空字符' }, 'title'],
    [{ body: '正文\u0007响铃' }, 'body'],
    [{ body: '回车\r换行' }, 'body'],
    [{ body: '' }, 'body'],
    [{ category: 'gossip' }, 'category'],
    [{ expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    [{ expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ imageIds: ['not-a-uuid'] }, 'imageIds'],
    [{ imageIds: ['0b6f3c1e-4d7a-4b8e-9a51-2f0d3c4b5a69'] }, 'imageIds'],
  ])('answers 400 naming the field for %j', async (override, field) => {
    const member = await committeeMember(app, inst.a)
    const res = await postNotice(app, member.headers, inst.a, aNotice(override as object))
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe(field)
  })

  it('answers 400 naming id for a malformed institution id', async () => {
    const member = await committeeMember(app, inst.a)
    const res = await postNotice(app, member.headers, 'not-a-uuid')
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe('id')
  })

  it('accepts a future expiry', async () => {
    const member = await committeeMember(app, inst.a)
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString()
    const id = await posted(app, member.headers, inst.a, aNotice({ expiresAt }))
    const row = await app.database.db.selectFrom('notices').select('expiresAt').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.expiresAt).toBe(expiresAt)
  })
})

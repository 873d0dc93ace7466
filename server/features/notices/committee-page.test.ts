import { aNotice, committeeMember, linkedParent, posted, seedInstitutions, type Headers } from './test-fixtures'
import { useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()

const page = async (institutionId: string) => app.inject({ method: 'GET', url: `/api/institutions/${institutionId}/committee` })
const profile = (headers: Headers, institutionId: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/institutions/${institutionId}/committee/profile`, headers, payload })
const meeting = (headers: Headers, institutionId: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/institutions/${institutionId}/committee/meetings`, headers, payload })

describe('GET /api/institutions/:institutionId/committee', () => {
  it('counts the members in the app, never deciding from them whether the committee exists, and shows display names, never phones or ids', async () => {
    const inst = await seedInstitutions(app)
    const first = await committeeMember(app, inst.a, '李先生')
    await committeeMember(app, inst.a)
    expect((await page(inst.a)).json()).toMatchObject({
      institutionId: inst.a,
      committee: { establishedOn: null, membersInApp: 2, lastNoticeAt: null },
      contact: null,
      meetings: [],
    })
    const third = await committeeMember(app, inst.a, '赵女士')
    const body = (await page(inst.a)).json()
    expect(body.committee.membersInApp).toBe(3)
    expect(body.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['家委会成员', '李先生', '赵女士'].sort())
    const text = JSON.stringify(body)
    for (const user of [first, third]) {
      expect(text).not.toContain(user.phone)
      expect(text).not.toContain(user.userId)
    }
    // A revoked member no longer counts.
    await app.database.db.updateTable('roleGrants').set({ revokedAt: new Date().toISOString() }).where('userId', '=', third.userId).execute()
    expect((await page(inst.a)).json().committee.membersInApp).toBe(2)
  })

  it('shows the newest visible notice, the contact and meetings newest first; 404 for an unknown institution', async () => {
    const inst = await seedInstitutions(app)
    const member = await committeeMember(app, inst.a)
    const id = await posted(app, member.headers, inst.a)
    const newest = await posted(app, member.headers, inst.a, aNotice({ title: '最新的公告' }))
    await app.inject({ method: 'POST', url: `/api/notices/${newest}/withdraw`, headers: member.headers })
    const postedAt = (await app.database.db.selectFrom('notices').select('postedAt').where('id', '=', id).executeTakeFirstOrThrow()).postedAt

    expect((await profile(member.headers, inst.a, { displayName: '  周先生 ', contact: '微信群：托育家委会' })).statusCode).toBe(200)
    expect((await meeting(member.headers, inst.a, { heldOn: '2026-09-01', title: '开学家委会', minutes: '讨论了伙食费公示。' })).statusCode).toBe(201)
    expect((await meeting(member.headers, inst.a, { heldOn: '2026-11-01', title: '期中家委会', minutes: '讨论了安全检查。' })).statusCode).toBe(201)

    const body = (await page(inst.a)).json()
    expect(body).toMatchObject({
      committee: { lastNoticeAt: postedAt },
      contact: '微信群：托育家委会',
      members: [expect.objectContaining({ displayName: '周先生' })],
    })
    expect(body.meetings.map((m: { title: string }) => m.title)).toEqual(['期中家委会', '开学家委会'])
    expect((await page('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    // The name is used for the next notice.
    const next = await app.inject({ method: 'POST', url: `/api/institutions/${inst.a}/notices`, headers: member.headers, payload: aNotice() })
    expect(next.json().authorName).toBe('周先生')
  })

  it('lets only members of that committee set the profile or add meetings, with bad input 400 naming the field', async () => {
    const inst = await seedInstitutions(app)
    const member = await committeeMember(app, inst.a)
    const ofB = await committeeMember(app, inst.b)
    const parent = await linkedParent(app, inst.a)
    expect((await profile(ofB.headers, inst.a, { contact: 'x' })).statusCode).toBe(403)
    expect((await profile(parent.headers, inst.a, { contact: 'x' })).statusCode).toBe(403)
    expect((await meeting(ofB.headers, inst.a, { heldOn: '2026-09-01', title: '开学家委会', minutes: '纪要' })).statusCode).toBe(403)
    expect((await profile(member.headers, inst.a, { displayName: '   ' })).json().field).toBe('displayName')
    expect((await profile(member.headers, inst.a, { displayName: '名字超过二十个字符名字超过二十个字符名字超过' })).json().field).toBe('displayName')
    expect((await profile(member.headers, inst.a, { contact: '电话\u0000' })).json().field).toBe('contact')
    expect((await meeting(member.headers, inst.a, { heldOn: '2026-13-01', title: '开学家委会', minutes: '纪要' })).json().field).toBe('heldOn')
    expect((await meeting(member.headers, inst.a, { heldOn: '2026-09-01', title: '开学家委会' })).json().field).toBe('minutes')
    // An empty contact clears it.
    await profile(member.headers, inst.a, { contact: '微信群' })
    expect((await profile(member.headers, inst.a, { contact: '' })).json().contact).toBeNull()
  })
})

import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { buildTestApp, grantRole, TEST_PUSH_TOKEN, useTestApp } from '../../../test/support/test-app'
import { multipart, pngImage } from '../../shared/images/test-images'
import { pushSignature } from '../../shared/wechat/push'
import { localDirectoryStorage } from '../complaints/photos/local-storage'
import { signNoticeImageUrl } from './image-urls'
import { nextIp } from '../auth/test-helpers'
import { aNotice, anEdit, committeeList, committeeMember, linkedParent, openNotice, postNotice, posted, seedInstitutions, type Headers } from './test-fixtures'

const { app, testDb, wechat } = useTestApp()
let imageDir: string
let base: string
let inst: Awaited<ReturnType<typeof seedInstitutions>>

beforeAll(async () => {
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-content-security-'))
  app.settings.complaints.photoStorage = localDirectoryStorage(imageDir)
  // WeChat fetches images from the BFF and pushes verdicts to it over HTTP: the app listens, as in production.
  await app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  app.settings.wechatCallbacks = { publicBaseUrl: base, pushToken: TEST_PUSH_TOKEN }
  wechat.setPush({ url: `${base}/api/wechat/events`, token: TEST_PUSH_TOKEN })
  inst = await seedInstitutions(app)
})

afterAll(async () => {
  fs.rmSync(imageDir, { recursive: true, force: true })
})

let codeSerial = 0
/** A committee member who signed in with WeChat just now: WeChat knows their openid (version 2 of the checks). */
async function wechatCommitteeMember(institutionId: string) {
  codeSerial += 1
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/wechat',
    payload: { code: `member-${process.pid}-${codeSerial}-1` },
    remoteAddress: nextIp(),
  })
  const { userId, accessToken } = signIn.json()
  await grantRole(app, userId, { role: 'committee', institutionId })
  return { userId, headers: { authorization: `Bearer ${accessToken}` } }
}

const upload = async (headers: Headers, data: Buffer) => {
  const body = multipart([{ name: 'image', filename: 'photo.png', contentType: 'image/png', data }])
  return app.inject({ method: 'POST', url: '/api/notices/images', payload: body.payload, headers: { ...body.headers, ...headers } })
}
const pureRed = () =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer()

/** A push to /api/wechat/events as WeChat signs it (or with another token). */
async function push(event: object, token = TEST_PUSH_TOKEN) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = 'n0nce'
  return fetch(`${base}/api/wechat/events?signature=${pushSignature(token, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  })
}

describe('texts go through WeChat msgSecCheck before anyone else sees them', () => {
  it('refuses a risky title with 400 naming title, and stores nothing', async () => {
    const member = await wechatCommitteeMember(inst.a)
    const response = await postNotice(app, member.headers, inst.a, aNotice({ title: '违规测试标题' }))
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ field: 'title', code: 'content_risky', message: '内容含有违规信息，请修改后再发布' })
    expect(await app.database.db.selectFrom('notices').select('id').where('title', '=', '违规测试标题').execute()).toEqual([])
    // Checked as the author, with version 2 and the 论坛 scene.
    const { userId } = member
    const openid = (await app.database.db.selectFrom('users').select('wechatOpenid').where('id', '=', userId).executeTakeFirstOrThrow()).wechatOpenid
    expect(wechat.textChecks.find((c) => c.content === '违规测试标题')).toMatchObject({ version: 2, scene: 3, openid })
  })

  it('refuses a risky body on an edit, naming body; the notice keeps its text', async () => {
    const member = await wechatCommitteeMember(inst.a)
    const id = await posted(app, member.headers, inst.a)
    const edit = await app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers: member.headers, payload: anEdit({ body: '改成违规测试的内容' }) })
    expect(edit.statusCode).toBe(400)
    expect(edit.json()).toMatchObject({ field: 'body', code: 'content_risky', message: '内容含有违规信息，请修改后再发布' })
    expect((await openNotice(app, (await linkedParent(app, inst.a)).headers, id)).json()).toMatchObject({ body: aNotice().body, version: 1 })
  })

  it("accepts a text WeChat wants reviewed ('review')", async () => {
    const member = await wechatCommitteeMember(inst.a)
    expect((await postNotice(app, member.headers, inst.a, aNotice({ body: '一段待审测试的内容' }))).statusCode).toBe(201)
  })

  it('checks the texts of an author who signed in by phone on H5 (no openid) with version 1: still refused when risky', async () => {
    const member = await committeeMember(app, inst.a)
    const response = await postNotice(app, member.headers, inst.a, aNotice({ body: '违规测试正文' }))
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('body')
    expect(wechat.textChecks.find((c) => c.content === '违规测试正文')).toMatchObject({ version: 1, openid: null })
  })

  it('checks what the committee page shows: display name and contact (资料), meeting minutes (论坛)', async () => {
    const member = await wechatCommitteeMember(inst.a)
    const profile = await app.inject({
      method: 'PUT',
      url: `/api/institutions/${inst.a}/committee/profile`,
      headers: member.headers,
      payload: { contact: '电话 违规测试' },
    })
    expect(profile.statusCode).toBe(400)
    expect(profile.json().field).toBe('contact')
    expect(wechat.textChecks.find((c) => c.content === '电话 违规测试')).toMatchObject({ scene: 1 })
    const meeting = await app.inject({
      method: 'POST',
      url: `/api/institutions/${inst.a}/committee/meetings`,
      headers: member.headers,
      payload: { heldOn: '2026-11-20', title: '期末家委会', minutes: '会议纪要：违规测试' },
    })
    expect(meeting.statusCode).toBe(400)
    expect(meeting.json().field).toBe('minutes')
  })

  it('refuses with 503 and stores nothing when WeChat cannot be reached (the app keeps the text in its form)', async () => {
    const member = await wechatCommitteeMember(inst.a)
    const working = app.settings.wechat
    app.settings.wechat = { ...working, apiBase: 'http://127.0.0.1:9' }
    try {
      const response = await postNotice(app, member.headers, inst.a, aNotice({ title: '微信不可用时发布' }))
      expect(response.statusCode).toBe(503)
      expect(response.json().message).toMatch(/^内容安全检查暂时不可用/)
    } finally {
      app.settings.wechat = working
    }
    expect(await app.database.db.selectFrom('notices').select('id').where('title', '=', '微信不可用时发布').execute()).toEqual([])
  })
})

describe('images go through WeChat mediaCheckAsync; a risky verdict pushed later hides the image', () => {
  it('hides a risky image from parents at once after the push, and tells the author which image and why', async () => {
    const member = await wechatCommitteeMember(inst.b)
    const red = (await upload(member.headers, await pureRed())).json().id as string
    const fine = (await upload(member.headers, await pngImage())).json().id as string
    const id = await posted(app, member.headers, inst.b, aNotice({ imageIds: [red, fine] }))
    await wechat.mediaChecksSettled()

    // WeChat fetched each image through its signed link and pushed both verdicts, accepted.
    const checks = wechat.mediaChecks.slice(-2)
    expect(checks.map((c) => [c.status, c.suggest, c.version, c.scene])).toEqual([
      ['pushed', 'risky', 2, 3],
      ['pushed', 'pass', 2, 3],
    ])

    const parent = await linkedParent(app, inst.b)
    const notice = (await openNotice(app, parent.headers, id)).json()
    expect(notice.images.map((i: { id: string }) => i.id)).toEqual([fine])
    // A link to the risky image handed out earlier no longer opens it.
    expect((await app.inject({ method: 'GET', url: signNoticeImageUrl(app.settings.jwtSecret, red) })).statusCode).toBe(404)

    const mine = (await committeeList(app, member.headers, inst.b)).json().items.find((n: { id: string }) => n.id === id)
    expect(mine.images.map((i: { id: string }) => i.id)).toEqual([fine])
    expect(mine.removedImages).toEqual([{ id: red, position: 1, reason: '微信内容安全检测认定含有色情内容' }])
  })

  it('refuses a forged push (bad signature) with 403 and changes nothing', async () => {
    const member = await wechatCommitteeMember(inst.b)
    const imageId = (await upload(member.headers, await pngImage())).json().id as string
    const id = await posted(app, member.headers, inst.b, aNotice({ imageIds: [imageId] }))
    await wechat.mediaChecksSettled()
    const traceId = wechat.mediaChecks.at(-1)!.traceId
    const forged = await push(
      { Event: 'wxa_media_check', appid: wechat.appId, trace_id: traceId, version: 2, result: { suggest: 'risky', label: 20001 } },
      'not-the-token',
    )
    expect(forged.status).toBe(403)
    const parent = await linkedParent(app, inst.b)
    expect((await openNotice(app, parent.headers, id)).json().images.map((i: { id: string }) => i.id)).toEqual([imageId])
  })

  it('lands a verdict pushed after a restart (trace ids are in the database)', async () => {
    const member = await wechatCommitteeMember(inst.b)
    wechat.setPush(null) // the BFF is down when WeChat has its verdict
    let imageId: string
    try {
      imageId = (await upload(member.headers, await pureRed())).json().id as string
      await wechat.mediaChecksSettled()
    } finally {
      wechat.setPush({ url: `${base}/api/wechat/events`, token: TEST_PUSH_TOKEN })
    }
    const { traceId } = wechat.mediaChecks.at(-1)!
    const id = await posted(app, member.headers, inst.b, aNotice({ imageIds: [imageId] }))

    const restarted = (await buildTestApp(testDb)).app
    try {
      await restarted.listen({ port: 0, host: '127.0.0.1' })
      const address = `http://127.0.0.1:${(restarted.server.address() as AddressInfo).port}`
      const timestamp = String(Math.floor(Date.now() / 1000))
      const response = await fetch(
        `${address}/api/wechat/events?signature=${pushSignature(TEST_PUSH_TOKEN, timestamp, 'abc')}&timestamp=${timestamp}&nonce=abc`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ToUserName: 'gh_x',
            MsgType: 'event',
            Event: 'wxa_media_check',
            appid: 'wx-test',
            trace_id: traceId,
            version: 2,
            errcode: 0,
            result: { suggest: 'risky', label: 20006 },
          }),
        },
      )
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('success')
    } finally {
      await restarted.close()
    }
    const parent = await linkedParent(app, inst.b)
    expect((await openNotice(app, parent.headers, id)).json().images).toEqual([])
    const mine = (await committeeList(app, member.headers, inst.b)).json().items.find((n: { id: string }) => n.id === id)
    expect(mine.removedImages).toEqual([{ id: imageId!, position: 1, reason: '微信内容安全检测认定含有违法犯罪内容' }])
  })

  it('refuses the upload with 503 and keeps nothing when WeChat cannot take the image', async () => {
    const member = await wechatCommitteeMember(inst.b)
    const working = app.settings.wechat
    app.settings.wechat = { ...working, apiBase: 'http://127.0.0.1:9' }
    const before = await app.database.db
      .selectFrom('noticeImages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    try {
      const response = await upload(member.headers, await pngImage())
      expect(response.statusCode).toBe(503)
      expect(response.json().message).toMatch(/^图片安全检查暂时不可用/)
    } finally {
      app.settings.wechat = working
    }
    const after = await app.database.db
      .selectFrom('noticeImages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})

describe('GET /api/wechat/events (WeChat checks the push URL)', () => {
  it('echoes echostr when the signature matches the push token, and refuses otherwise', async () => {
    const timestamp = '1733000000'
    const ok = await fetch(
      `${base}/api/wechat/events?signature=${pushSignature(TEST_PUSH_TOKEN, timestamp, 'n1')}&timestamp=${timestamp}&nonce=n1&echostr=hello-wechat`,
    )
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('hello-wechat')
    const bad = await fetch(
      `${base}/api/wechat/events?signature=${pushSignature('other', timestamp, 'n1')}&timestamp=${timestamp}&nonce=n1&echostr=hello-wechat`,
    )
    expect(bad.status).toBe(403)
    expect((await bad.json()).message).toMatch(/^签名无效/)
  })
})

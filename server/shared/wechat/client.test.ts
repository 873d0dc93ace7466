import { createServer, type IncomingMessage, type Server } from 'node:http'
import { closeServer, listenLocally, readBody } from '../stand-in-http'
import { wechatClient, WechatError, type SubscribeMessage } from './client'
import { phrase, thing, time } from './message-values'
import { isSignedPush, mediaCheckResultOf, pushSignature } from './push'
import { standInOpenid, startWechatStandIn, type WechatStandIn } from './stand-in'

const message = (overrides: Partial<SubscribeMessage> = {}): SubscribeMessage => ({
  touser: 'o-parent-1',
  templateId: 'tpl-confirmed',
  page: 'pages/class/index?id=c1',
  data: { thing1: thing('婴幼儿辅食添加与喂养'), time2: time('2026-12-05T06:00:00.000Z') },
  miniprogramState: 'formal',
  ...overrides,
})

describe('WeChat subscription messages against the stand-in WeChat server', () => {
  let standIn: WechatStandIn
  beforeAll(async () => {
    standIn = await startWechatStandIn({ appId: 'wx-messages' })
  })
  afterAll(() => standIn.close())

  it('posts the message with a fresh access token; the stand-in records it as WeChat would deliver it', async () => {
    const client = wechatClient(() => ({ apiBase: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret }))
    expect(await client.send(message())).toEqual({ sent: true })
    expect(standIn.messages.at(-1)).toMatchObject({
      touser: 'o-parent-1',
      templateId: 'tpl-confirmed',
      page: 'pages/class/index?id=c1',
      data: { thing1: { value: '婴幼儿辅食添加与喂养' }, time2: { value: '2026年12月05日 14:00' } },
    })
  })

  it('cannot send with a wrong secret, and says why (to be retried later)', async () => {
    const client = wechatClient(() => ({ apiBase: standIn.url, appId: standIn.appId, appSecret: 'wrong' }))
    const outcome = await client.send(message())
    expect(outcome).toMatchObject({ sent: false, permanent: false })
    expect(outcome.sent === false && outcome.error).toContain('40125')
  })
})

describe('the access token', () => {
  let server: Server
  let base: string
  let tokenRequests: number
  let rejected: Set<string>
  let answerSend: (body: Record<string, unknown>) => Record<string, unknown>
  const sent: Array<{ token: string; body: Record<string, unknown> }> = []

  async function answer(request: IncomingMessage) {
    const url = new URL(request.url ?? '/', 'http://fake')
    if (url.pathname === '/cgi-bin/token') {
      tokenRequests += 1
      return { access_token: `token-${tokenRequests}`, expires_in: 7200 }
    }
    const token = url.searchParams.get('access_token') ?? ''
    if (rejected.has(token)) return { errcode: 40001, errmsg: 'invalid credential' }
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>
    sent.push({ token, body })
    return answerSend(body)
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      answer(request).then(
        (body) => response.end(JSON.stringify(body)),
        () => response.writeHead(500).end(),
      )
    })
    base = await listenLocally(server)
  })
  afterAll(() => closeServer(server))
  beforeEach(() => {
    tokenRequests = 0
    rejected = new Set()
    sent.length = 0
    answerSend = () => ({ errcode: 0, errmsg: 'ok' })
  })

  const credentials = () => ({ apiBase: base, appId: 'wx-app', appSecret: 'secret' })

  it('is fetched once and reused, also by sends made at the same moment', async () => {
    const client = wechatClient(credentials)
    await Promise.all([client.send(message()), client.send(message()), client.send(message())])
    await client.send(message())
    expect(tokenRequests).toBe(1)
    expect(sent.map((s) => s.token)).toEqual(['token-1', 'token-1', 'token-1', 'token-1'])
    expect(sent[0].body).toEqual({
      touser: 'o-parent-1',
      template_id: 'tpl-confirmed',
      page: 'pages/class/index?id=c1',
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: { thing1: { value: '婴幼儿辅食添加与喂养' }, time2: { value: '2026年12月05日 14:00' } },
    })
  })

  it('is fetched again shortly before it expires', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z')
    const client = wechatClient(credentials, () => now)
    await client.send(message())
    now += 6800 * 1000 // WeChat's 7200 s less a 5-minute margin is 6900 s
    await client.send(message())
    now += 200 * 1000
    await client.send(message())
    expect(sent.map((s) => s.token)).toEqual(['token-1', 'token-1', 'token-2'])
  })

  it('is fetched again when WeChat rejects it (errcode 40001), and the message is sent once', async () => {
    const client = wechatClient(credentials)
    await client.send(message())
    rejected.add('token-1')
    expect(await client.send(message({ touser: 'o-parent-2' }))).toEqual({ sent: true })
    expect(sent.map((s) => [s.token, s.body.touser])).toEqual([
      ['token-1', 'o-parent-1'],
      ['token-2', 'o-parent-2'],
    ])
  })

  it('tells a refusal for good (no subscription left, 43101) from a passing failure', async () => {
    const client = wechatClient(credentials)
    answerSend = () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
    expect(await client.send(message())).toEqual({ sent: false, permanent: true, error: 'errcode 43101: user refuse to accept the msg' })
    answerSend = () => ({ errcode: -1, errmsg: 'system error' })
    expect(await client.send(message())).toEqual({ sent: false, permanent: false, error: 'errcode -1: system error' })
  })

  it('reports an unreachable server as a passing failure', async () => {
    const client = wechatClient(() => ({ apiBase: 'http://127.0.0.1:9', appId: 'wx-app', appSecret: 'secret' }))
    expect(await client.send(message())).toMatchObject({ sent: false, permanent: false })
  })
})

describe('values in WeChat formats', () => {
  it('keeps thing values within 20 characters and gives times in China time', () => {
    expect(thing('0–3岁婴幼儿家庭安全与意外伤害急救实操课堂').value).toBe('0–3岁婴幼儿家庭安全与意外伤害急救实…')
    expect([...thing('0–3岁婴幼儿家庭安全与意外伤害急救实操课堂').value]).toHaveLength(20)
    expect(thing('  喂养\n课堂 ').value).toBe('喂养 课堂')
    expect(time('2026-12-31T17:30:00.000Z').value).toBe('2027年01月01日 01:30')
    expect(phrase('候补成功啦').value).toBe('候补成功啦')
    expect(phrase('报名成功请准时').value).toBe('报名成功请')
  })
})

describe('phone numbers and content security against the stand-in WeChat server', () => {
  let standIn: WechatStandIn
  let push: Server
  let pushUrl: string
  const pushed: Array<{ query: URLSearchParams; body: unknown }> = []
  const client = () => wechatClient(() => ({ apiBase: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret }))

  beforeAll(async () => {
    standIn = await startWechatStandIn({ appId: 'wx-security' })
    push = createServer((request, response) => {
      void readBody(request).then((body) => {
        pushed.push({ query: new URL(request.url ?? '/', 'http://push').searchParams, body: JSON.parse(body) })
        response.end('success')
      })
    })
    pushUrl = await listenLocally(push)
  })
  afterAll(async () => {
    await standIn.close()
    await closeServer(push)
  })

  it('exchanges a phone code once for the number it names; an unknown or reused code is errcode 40029', async () => {
    const wechat = client()
    expect(await wechat.phoneNumber('phone-13800000000-1')).toEqual({ purePhoneNumber: '13800000000', countryCode: '86' })
    await expect(wechat.phoneNumber('phone-13800000000-1')).rejects.toMatchObject({ errcode: 40029 })
    await expect(wechat.phoneNumber('invalid')).rejects.toBeInstanceOf(WechatError)
  })

  it('checks a text with version 2 for a user WeChat saw just now, and with version 1 for one without openid or not seen', async () => {
    const wechat = client()
    const { openid } = await wechat.code2Session('author-1')
    expect(await wechat.msgSecCheck({ content: '周五开放日', scene: 3, openid })).toEqual({ suggest: 'pass', label: 100, version: 2 })
    expect(await wechat.msgSecCheck({ content: '这是违规测试', scene: 3, openid })).toMatchObject({ suggest: 'risky', version: 2 })
    expect(await wechat.msgSecCheck({ content: '这是待审测试', scene: 1, openid })).toMatchObject({ suggest: 'review', version: 2 })
    expect(await wechat.msgSecCheck({ content: '这是违规测试', scene: 3, openid: null })).toEqual({ suggest: 'risky', label: null, version: 1 })
    // An openid WeChat has not seen in the mini-program for two hours answers 61010: version 1 instead.
    expect(await wechat.msgSecCheck({ content: '这是违规测试', scene: 3, openid: standInOpenid('wx-security', 'gone-1') })).toMatchObject({
      suggest: 'risky',
      version: 1,
    })
    expect(standIn.textChecks.map((c) => [c.version, c.openid])).toEqual([
      [2, openid],
      [2, openid],
      [2, openid],
      [1, null],
      [1, null],
    ])
  })

  it('checks an image asynchronously: trace id at once, the verdict pushed later with a signature of the push token', async () => {
    const image = createServer((_request, response) => {
      // A 1×1 PNG of pure red, which the stand-in finds risky.
      response
        .writeHead(200, { 'content-type': 'image/png' })
        .end(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64'))
    })
    const imageUrl = await listenLocally(image)
    try {
      standIn.setPush({ url: `${pushUrl}/events`, token: 'push-token' })
      const wechat = client()
      const { openid } = await wechat.code2Session('author-2')
      const { traceId, version } = await wechat.mediaCheckAsync({ mediaUrl: `${imageUrl}/red.png`, mediaType: 2, scene: 3, openid })
      expect(version).toBe(2)
      await standIn.mediaChecksSettled()
      const event = pushed.at(-1)!
      expect(isSignedPush('push-token', Object.fromEntries(event.query))).toBe(true)
      expect(isSignedPush('other-token', Object.fromEntries(event.query))).toBe(false)
      expect(mediaCheckResultOf(event.body)).toEqual({ traceId, suggest: 'risky', label: 20002, appid: 'wx-security' })
    } finally {
      await closeServer(image)
    }
  })

  it('reads the verdict of a version 1 check (isrisky) as well, and ignores other events', () => {
    expect(mediaCheckResultOf({ Event: 'wxa_media_check', trace_id: 't-1', appid: 'wx-a', isrisky: 1, extra_info_json: '', status_code: 0 })).toEqual({
      traceId: 't-1',
      suggest: 'risky',
      label: null,
      appid: 'wx-a',
    })
    expect(mediaCheckResultOf({ Event: 'wxa_media_check', trace_id: 't-2', isrisky: 0 })).toMatchObject({ suggest: 'pass' })
    expect(mediaCheckResultOf({ Event: 'subscribe_msg_popup_event', trace_id: 't-3' })).toBeNull()
  })

  it('signs pushes as WeChat documents: sha1 of token, timestamp and nonce sorted and joined', () => {
    // sha1('1409304348AAAAAxxxxxx')
    expect(pushSignature('AAAAA', '1409304348', 'xxxxxx')).toBe('87e50d28dcac81e5f82950c4c6f701200ac60e2c')
  })
})

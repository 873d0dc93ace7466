import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startWechatStandIn, type WechatStandIn } from '../features/auth/wechat-stand-in'
import { closeServer, readBody } from './stand-in-http'
import { phrase, thing, time, wechatMessenger, type SubscribeMessage } from './wechat-messages'

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
  beforeAll(async () => { standIn = await startWechatStandIn({ appId: 'wx-messages' }) })
  afterAll(() => standIn.close())

  it('posts the message with a fresh access token; the stand-in records it as WeChat would deliver it', async () => {
    const messenger = wechatMessenger(() => ({ apiBase: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret }))
    expect(await messenger.send(message())).toEqual({ sent: true })
    expect(standIn.messages.at(-1)).toMatchObject({
      touser: 'o-parent-1', templateId: 'tpl-confirmed', page: 'pages/class/index?id=c1',
      data: { thing1: { value: '婴幼儿辅食添加与喂养' }, time2: { value: '2026年12月05日 14:00' } },
    })
  })

  it('cannot send with a wrong secret, and says why (to be retried later)', async () => {
    const messenger = wechatMessenger(() => ({ apiBase: standIn.url, appId: standIn.appId, appSecret: 'wrong' }))
    const outcome = await messenger.send(message())
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
      answer(request).then((body) => response.end(JSON.stringify(body)), () => response.writeHead(500).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
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
    const messenger = wechatMessenger(credentials)
    await Promise.all([messenger.send(message()), messenger.send(message()), messenger.send(message())])
    await messenger.send(message())
    expect(tokenRequests).toBe(1)
    expect(sent.map((s) => s.token)).toEqual(['token-1', 'token-1', 'token-1', 'token-1'])
    expect(sent[0].body).toEqual({
      touser: 'o-parent-1', template_id: 'tpl-confirmed', page: 'pages/class/index?id=c1', miniprogram_state: 'formal', lang: 'zh_CN',
      data: { thing1: { value: '婴幼儿辅食添加与喂养' }, time2: { value: '2026年12月05日 14:00' } },
    })
  })

  it('is fetched again shortly before it expires', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z')
    const messenger = wechatMessenger(credentials, () => now)
    await messenger.send(message())
    now += 6800 * 1000 // WeChat's 7200 s less a 5-minute margin is 6900 s
    await messenger.send(message())
    now += 200 * 1000
    await messenger.send(message())
    expect(sent.map((s) => s.token)).toEqual(['token-1', 'token-1', 'token-2'])
  })

  it('is fetched again when WeChat rejects it (errcode 40001), and the message is sent once', async () => {
    const messenger = wechatMessenger(credentials)
    await messenger.send(message())
    rejected.add('token-1')
    expect(await messenger.send(message({ touser: 'o-parent-2' }))).toEqual({ sent: true })
    expect(sent.map((s) => [s.token, s.body.touser])).toEqual([['token-1', 'o-parent-1'], ['token-2', 'o-parent-2']])
  })

  it('tells a refusal for good (no subscription left, 43101) from a passing failure', async () => {
    const messenger = wechatMessenger(credentials)
    answerSend = () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
    expect(await messenger.send(message())).toEqual({ sent: false, permanent: true, error: 'errcode 43101: user refuse to accept the msg' })
    answerSend = () => ({ errcode: -1, errmsg: 'system error' })
    expect(await messenger.send(message())).toEqual({ sent: false, permanent: false, error: 'errcode -1: system error' })
  })

  it('reports an unreachable server as a passing failure', async () => {
    const messenger = wechatMessenger(() => ({ apiBase: 'http://127.0.0.1:9', appId: 'wx-app', appSecret: 'secret' }))
    expect(await messenger.send(message())).toMatchObject({ sent: false, permanent: false })
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

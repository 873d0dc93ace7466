import { randomUUID } from 'node:crypto'
import { ERROR_CODES } from '../../types/common'
import { DatabaseUnavailableError } from '../db/unavailable'
import { signedInUser, useTestApp } from '../../test/support/test-app'
import { ClientError, splitMessage } from './http-errors'

const { app } = useTestApp()

beforeAll(() => {
  // Faults no real route should have, to see how they are answered.
  app.get('/api/test/fault', async () => {
    throw new Error('secret detail of a bug')
  })
  app.get('/api/test/database-away', async () => {
    throw new DatabaseUnavailableError(new Error('Connection terminated unexpectedly'))
  })
  app.get('/api/test/upstream-away', async () => {
    throw new ClientError(503, '内容安全检查暂时不可用，请稍后再发布（您填写的内容仍保留在页面上） (WeChat content security is unavailable)')
  })
})

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers })
/** No message for people carries the developer's English in parentheses any more. */
const CHINESE_ONLY = /^[^()]*[\u4e00-\u9fa5][^()]*$/

describe("every error answer carries a code, a Chinese message and, apart, the developer's English", () => {
  it('validation: a schema refusal names the field in Chinese', async () => {
    const response = await get('/api/institutions?lat=91&lng=125')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation',
      field: 'lat',
      message: '参数 lat 不能大于 90',
      detail: 'querystring/lat must be <= 90',
    })
    expect((await get('/api/institutions/compare')).json()).toMatchObject({ code: 'validation', field: 'ids', message: '缺少参数 ids' })
    expect((await get('/api/institutions?pageSize=abc')).json()).toMatchObject({ code: 'validation', field: 'pageSize', message: '参数 pageSize 应为整数' })
    expect((await get('/api/institutions?sort=nearest')).json()).toMatchObject({
      code: 'validation',
      field: 'sort',
      message: expect.stringMatching(/^参数 sort 应为 .+、.+ 之一$/),
    })
  })

  it('invalid_value: a rule refusal says why for people, and keeps the English apart', async () => {
    const response = await get('/api/institutions?region=110000')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_value',
      field: 'region',
      message: '未知的地区代码 110000',
      detail: 'region: unknown region',
    })
  })

  it('bad_request: a body that cannot be read', async () => {
    const broken = await app.inject({ method: 'POST', url: '/api/complaints', headers: { 'content-type': 'application/json' }, payload: '{"category":' })
    expect(broken.statusCode).toBe(400)
    expect(broken.json()).toMatchObject({ code: 'bad_request', message: '请求格式不正确', detail: expect.any(String) })
    const xml = await app.inject({ method: 'POST', url: '/api/complaints', headers: { 'content-type': 'text/xml' }, payload: '<complaint/>' })
    expect(xml.statusCode).toBe(415)
    expect(xml.json()).toMatchObject({ code: 'bad_request', message: '不支持这种内容类型' })
  })

  it('unauthorized, forbidden and consent_required', async () => {
    expect((await get('/api/me')).json()).toMatchObject({ statusCode: 401, code: 'unauthorized', message: '请先登录', detail: 'sign-in required' })
    const parent = await signedInUser(app)
    expect((await get('/api/admin/complaints', parent.headers)).json()).toMatchObject({ statusCode: 403, code: 'forbidden', message: '没有权限' })
    const child = await app.inject({ method: 'POST', url: '/api/me/children', headers: parent.headers, payload: { nickname: '小明', birthMonth: '2025-01' } })
    expect(child.statusCode).toBe(403)
    expect(child.json()).toMatchObject({ error: 'ConsentRequired', code: 'consent_required', message: expect.stringMatching(CHINESE_ONLY) })
  })

  it('not_found: an unknown address and an unknown resource', async () => {
    expect((await get('/api/nothing-here')).json()).toMatchObject({ statusCode: 404, code: 'not_found', message: '没有这个地址：GET /api/nothing-here' })
    const id = randomUUID()
    expect((await get(`/api/institutions/${id}`)).json()).toMatchObject({ statusCode: 404, code: 'not_found', message: `未找到机构 ${id}` })
  })

  it('internal: a fault of the BFF says nothing about itself', async () => {
    const response = await get('/api/test/fault')
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal', message: '服务暂时不可用，请稍后再试' })
  })

  it('database_unavailable: 503 with Retry-After', async () => {
    const response = await get('/api/test/database-away')
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.json()).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'database_unavailable',
      message: '数据库暂时不可用，请稍后再试',
    })
  })

  it('service_unavailable: a service the BFF needs is away', async () => {
    expect((await get('/api/test/upstream-away')).json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'service_unavailable',
      message: '内容安全检查暂时不可用，请稍后再发布（您填写的内容仍保留在页面上）',
      detail: 'WeChat content security is unavailable',
    })
  })

  it('only uses codes of the contract', async () => {
    const answers = await Promise.all(
      ['/api/institutions?lat=91', '/api/institutions?region=110000', '/api/me', '/api/nothing-here', '/api/test/fault', '/api/test/database-away'].map((url) =>
        get(url),
      ),
    )
    for (const answer of answers) expect(ERROR_CODES).toContain(answer.json().code)
  })
})

describe('splitMessage: 中文 (English)', () => {
  it.each([
    ['请先登录 (sign-in required)', { message: '请先登录', detail: 'sign-in required' }],
    [
      '内容安全检查暂时不可用（您填写的内容仍保留在页面上） (WeChat content security is unavailable)',
      { message: '内容安全检查暂时不可用（您填写的内容仍保留在页面上）', detail: 'WeChat content security is unavailable' },
    ],
    [
      '图片应放在 photo 字段 (the file must be sent as field "photo", got "file")',
      { message: '图片应放在 photo 字段', detail: 'the file must be sent as field "photo", got "file"' },
    ],
    ['未知的等级 Z，应为 A|B|C|D', { message: '未知的等级 Z，应为 A|B|C|D' }],
    ['链接格式不正确，应写作 [文字](https://…)', { message: '链接格式不正确，应写作 [文字](https://…)' }],
  ])('%s', (text, expected) => {
    expect(splitMessage(text)).toEqual(expected)
  })
})

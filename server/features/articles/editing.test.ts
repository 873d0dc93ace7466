import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'
import {
  anArticle,
  editArticle,
  editorView,
  inTheFuture,
  readArticle,
  replaceArticle,
  replacementOf,
  restoreArticle,
  withdrawArticle,
  writeArticle,
  written,
  type Headers,
} from './test-fixtures'

const { app } = useTestApp()
let province: Awaited<ReturnType<typeof signedInRegulator>>
let changchun: Awaited<ReturnType<typeof signedInRegulator>>
let yanbian: Awaited<ReturnType<typeof signedInRegulator>>

beforeAll(async () => {
  province = await signedInRegulator(app, '220000')
  changchun = await signedInRegulator(app, '220100')
  yanbian = await signedInRegulator(app, '222400')
})

const versions = (headers: Headers, id: string) => app.inject({ method: 'GET', url: `/api/admin/articles/${id}/versions`, headers })
const editorList = async (headers: Headers) =>
  (await app.inject({ method: 'GET', url: '/api/admin/articles', headers })).json().items as Array<{ id: string; status: string }>

describe('writing', () => {
  it('writes a draft, a scheduled and a published article (201) with the source and the parsed blocks', async () => {
    const draft = await writeArticle(app, province.headers, anArticle({ publishAt: null }))
    expect(draft.statusCode).toBe(201)
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1, publishAt: null, publishedAt: null, body: anArticle().body })
    expect(draft.json().blocks[0]).toEqual({ type: 'heading', level: 1, text: '看距离' })
    const { publishAt: _omitted, ...withoutPublishAt } = anArticle()
    expect((await writeArticle(app, province.headers, withoutPublishAt)).json().status).toBe('draft')
    expect((await writeArticle(app, province.headers, anArticle({ publishAt: inTheFuture() }))).json()).toMatchObject({
      status: 'scheduled',
      publishedAt: null,
    })
    const published = (await writeArticle(app, province.headers, anArticle())).json()
    expect(published.status).toBe('published')
    expect(published.publishedAt).toBe(published.publishAt)
  })

  it('trims fields and applies the defaults', async () => {
    const res = await writeArticle(app, province.headers, {
      title: '  标题两侧有空格  ',
      kind: 'guide',
      sourceDepartment: ' 吉林省卫生健康委员会 ',
      body: '正文',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      title: '标题两侧有空格',
      sourceDepartment: '吉林省卫生健康委员会',
      summary: '',
      tags: [],
      pinned: false,
      documentNumber: null,
      effectiveOn: null,
    })
  })

  it('answers 400 naming the field, in Chinese, and the line of a bad body', async () => {
    const cases: Array<[object, string]> = [
      [anArticle({ title: '甲' }), 'title'],
      [anArticle({ title: ' 甲 ' }), 'title'],
      [anArticle({ title: '换行\n标题' }), 'title'],
      [anArticle({ kind: 'news' as never }), 'kind'],
      [anArticle({ tags: ['  '] }), 'tags'],
      [anArticle({ tags: ['重复', '重复'] }), 'tags'],
      [anArticle({ tags: Array.from({ length: 9 }, (_, i) => `标签${i}`) }), 'tags'],
      [anArticle({ sourceDepartment: '' }), 'sourceDepartment'],
      [anArticle({ publishAt: '明天' }), 'publishAt'],
      [anArticle({ effectiveOn: '2026-13-01' }), 'effectiveOn'],
      [anArticle({ body: '' }), 'body'],
      [anArticle({ body: '\n \n' }), 'body'],
    ]
    for (const [payload, field] of cases) {
      const res = await writeArticle(app, province.headers, payload)
      expect([res.statusCode, res.json().field]).toEqual([400, field])
    }
    const res = await writeArticle(app, province.headers, anArticle({ body: '第一段\n\n- [链接](javascript:alert(document.cookie))' }))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ field: 'body' })
    expect(res.json().message).toContain('第 3 行')
    expect(res.json().message).toContain('https://')
  })

  it('saves a body of the largest size, however varied its characters, and finds its beginning', async () => {
    // xorshift: about 100,000 distinct character pairs, more than a tsvector can hold.
    let rare = ''
    let x = 2_463_534_242
    for (let i = 0; i < 99_990; i += 1) {
      x ^= x << 13
      x >>>= 0
      x ^= x >>> 17
      x ^= x << 5
      x >>>= 0
      rare += String.fromCodePoint(0x4e00 + (x % 20_000))
    }
    const res = await writeArticle(app, province.headers, anArticle({ title: '很长的文件', body: `篇首独特词癸子丑\n\n${rare}` }))
    expect(res.statusCode).toBe(201)
    const found = await app.inject({ method: 'GET', url: '/api/articles', query: { q: '癸子丑' } })
    expect(found.json().items.map((a: { id: string }) => a.id)).toEqual([res.json().id])
  })
})

describe('markup cannot run script', () => {
  it('keeps <script> as text all the way to the parent', async () => {
    const body = '<script>alert(1)</script>\n\n- <img src=x onerror="alert(2)">\n\n[官方说明](https://www.nhc.gov.cn/)'
    const id = await written(app, province.headers, anArticle({ title: '<b>标题</b>', body }))
    const article = (await readArticle(app, id)).json()
    expect(article.title).toBe('<b>标题</b>')
    expect(article.blocks).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: '<script>alert(1)</script>' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: '<img src=x onerror="alert(2)">' }]] },
      { type: 'paragraph', inlines: [{ type: 'link', text: '官方说明', href: 'https://www.nhc.gov.cn/' }] },
    ])
  })

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.com', 'https//example.com'])(
    'refuses a link to %s, on writing and on editing',
    async (href) => {
      const body = `说明\n[点这里](${href})`
      const res = await writeArticle(app, province.headers, anArticle({ body }))
      expect([res.statusCode, res.json().field]).toEqual([400, 'body'])
      expect(res.json().message).toContain('第 2 行')
      const id = await written(app, province.headers)
      const edit = await editArticle(app, province.headers, id, { body })
      expect([edit.statusCode, edit.json().field]).toEqual([400, 'body'])
      expect((await editorView(app, province.headers, id)).json().version).toBe(1)
    },
  )
})

describe('editing keeps every version', () => {
  it('bumps the version and keeps the earlier ones, newest first, with who saved them', async () => {
    const id = await written(app, province.headers, anArticle({ title: '第一版', tags: ['甲'], pinned: true }))
    const first = await editArticle(app, province.headers, id, { title: '第二版' })
    expect(first.statusCode).toBe(200)
    // Fields sent back unchanged stay as they were.
    expect(first.json()).toMatchObject({ title: '第二版', version: 2, pinned: true, tags: ['甲'], summary: '报名前要问清的几件事' })
    const second = await editArticle(app, province.headers, id, { body: '新的正文', tags: ['乙'] })
    expect(second.json()).toMatchObject({
      version: 3,
      title: '第二版',
      tags: ['乙'],
      blocks: [{ type: 'paragraph', inlines: [{ type: 'text', text: '新的正文' }] }],
    })

    const res = await versions(province.headers, id)
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(items.map((v: { version: number; title: string; tags: string[] }) => [v.version, v.title, v.tags])).toEqual([
      [3, '第二版', ['乙']],
      [2, '第二版', ['甲']],
      [1, '第一版', ['甲']],
    ])
    expect(items[2].body).toBe(anArticle().body)
    expect(items[0].body).toBe('新的正文')
    expect(items.every((v: { savedBy: string }) => v.savedBy === province.userId)).toBe(true)
    expect(Date.parse(items[0].savedAt)).toBeGreaterThanOrEqual(Date.parse(items[1].savedAt))
    // Parents read the current version.
    expect((await readArticle(app, id)).json()).toMatchObject({ title: '第二版', version: 3 })
  })

  it('unpublishes by setting publishAt to null, and reschedules', async () => {
    const id = await written(app, province.headers)
    expect((await editArticle(app, province.headers, id, { publishAt: null })).json().status).toBe('draft')
    expect((await readArticle(app, id)).statusCode).toBe(404)
    expect((await editArticle(app, province.headers, id, { publishAt: inTheFuture() })).json().status).toBe('scheduled')
    expect((await readArticle(app, id)).statusCode).toBe(404)
  })

  it('refuses an empty or partial replacement and a bad field (400), an unknown article (404)', async () => {
    const id = await written(app, province.headers, anArticle({ tags: ['甲'], pinned: true }))
    expect((await replaceArticle(app, province.headers, id, {})).statusCode).toBe(400)
    // A field left out is refused, never reset to a default.
    const { tags: _tags, ...withoutTags } = await replacementOf(app, province.headers, id)
    const partial = await replaceArticle(app, province.headers, id, withoutTags)
    expect([partial.statusCode, partial.json().field]).toEqual([400, 'tags'])
    expect((await editorView(app, province.headers, id)).json()).toMatchObject({ version: 1, tags: ['甲'], pinned: true })
    expect((await editArticle(app, province.headers, id, { title: '甲' })).json().field).toBe('title')
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await replaceArticle(app, province.headers, unknown, await replacementOf(app, province.headers, id, { title: '不存在的文章' }))).statusCode).toBe(
      404,
    )
    expect((await versions(province.headers, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
  })

  it('does not lose a version when two edits arrive together', async () => {
    const id = await written(app, province.headers)
    const results = await Promise.all(['甲版本', '乙版本', '丙版本'].map((title) => editArticle(app, province.headers, id, { title })))
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200])
    const items = (await versions(province.headers, id)).json().items
    expect(items.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1])
  })

  it('keeps content unchanged through withdraw and restore, and allows editing a withdrawn article', async () => {
    const id = await written(app, province.headers)
    await withdrawArticle(app, province.headers, id)
    const edited = await editArticle(app, province.headers, id, { summary: '撤回后修改' })
    expect(edited.json()).toMatchObject({ status: 'withdrawn', version: 2, summary: '撤回后修改' })
    expect((await readArticle(app, id)).statusCode).toBe(404)
    expect((await restoreArticle(app, province.headers, id)).json()).toMatchObject({ status: 'published', version: 2 })
  })
})

describe('who may do what', () => {
  it('answers 401 without a token and 403 to a parent, on every editor route', async () => {
    const id = await written(app, province.headers)
    const parent = await signedInUser(app)
    const routes: Array<{ method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object }> = [
      { method: 'GET', url: '/api/admin/articles' },
      { method: 'GET', url: `/api/admin/articles/${id}` },
      { method: 'POST', url: '/api/admin/articles', payload: anArticle() },
      { method: 'PUT', url: `/api/admin/articles/${id}`, payload: await replacementOf(app, province.headers, id, { title: '未授权修改' }) },
      { method: 'GET', url: `/api/admin/articles/${id}/versions` },
      { method: 'POST', url: `/api/admin/articles/${id}/withdraw` },
      { method: 'POST', url: `/api/admin/articles/${id}/restore` },
    ]
    for (const route of routes) {
      expect([route.url, (await app.inject(route)).statusCode]).toEqual([route.url, 401])
      expect([route.url, (await app.inject({ ...route, headers: parent.headers })).statusCode]).toEqual([route.url, 403])
    }
    expect((await readArticle(app, id)).json().title).toBe('如何选择托育机构')
  })

  it('lets a 市州 regulator edit only its own 市州 articles; others are unknown to it (404)', async () => {
    const provincial = await written(app, province.headers, anArticle({ title: '全省的指南' }))
    const local = await written(app, changchun.headers, anArticle({ title: '长春的指南' }))

    // Changchun edits its own; the province edits both.
    expect((await editArticle(app, changchun.headers, local, { summary: '长春修改' })).statusCode).toBe(200)
    expect((await editArticle(app, province.headers, local, { summary: '省里修改' })).statusCode).toBe(200)
    expect((await editArticle(app, province.headers, provincial, { summary: '省里修改' })).statusCode).toBe(200)

    // Changchun cannot touch the province's article; Yanbian cannot touch Changchun's.
    for (const [who, id] of [
      [changchun, provincial],
      [yanbian, local],
    ] as const) {
      expect((await editorView(app, who.headers, id)).statusCode).toBe(404)
      expect((await replaceArticle(app, who.headers, id, await replacementOf(app, province.headers, id, { title: '越权修改' }))).statusCode).toBe(404)
      expect((await withdrawArticle(app, who.headers, id)).statusCode).toBe(404)
      expect((await restoreArticle(app, who.headers, id)).statusCode).toBe(404)
      expect((await versions(who.headers, id)).statusCode).toBe(404)
    }
    expect((await readArticle(app, provincial)).json().title).toBe('全省的指南')

    const changchunSees = (await editorList(changchun.headers)).map((a) => a.id)
    expect(changchunSees).toContain(local)
    expect(changchunSees).not.toContain(provincial)
    expect((await editorList(yanbian.headers)).map((a) => a.id)).not.toContain(local)
    expect((await editorList(province.headers)).map((a) => a.id)).toEqual(expect.arrayContaining([local, provincial]))
  })

  it('lists every state for the editor, most recently changed first', async () => {
    const draft = await written(app, yanbian.headers, anArticle({ publishAt: null }))
    const scheduled = await written(app, yanbian.headers, anArticle({ publishAt: inTheFuture() }))
    const withdrawn = await written(app, yanbian.headers)
    await withdrawArticle(app, yanbian.headers, withdrawn)
    const published = await written(app, yanbian.headers)
    const items = await editorList(yanbian.headers)
    expect(items.map((a) => [a.id, a.status])).toEqual([
      [published, 'published'],
      [withdrawn, 'withdrawn'],
      [scheduled, 'scheduled'],
      [draft, 'draft'],
    ])
  })
})

import { signedInRegulator, useTestApp } from '../../../test/support/test-app'
import {
  anArticle,
  editorView,
  foundIds,
  inTheFuture,
  listArticles,
  readArticle,
  restoreArticle,
  withdrawArticle,
  written,
  type Headers,
} from './test-fixtures'

const { app } = useTestApp()
let editor: Headers

beforeAll(async () => {
  editor = (await signedInRegulator(app, '220000')).headers
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const tags = async () => (await app.inject({ method: 'GET', url: '/api/articles/tags' })).json().items as Array<{ tag: string; count: number }>

describe('what parents see', () => {
  it('shows a published article without sign-in, as blocks and never as HTML', async () => {
    const id = await written(app, editor, anArticle({ documentNumber: '吉卫发〔2026〕1号', effectiveOn: '2026-12-01' }))
    const res = await readArticle(app, id)
    expect(res.statusCode).toBe(200)
    const article = res.json()
    expect(article).toMatchObject({
      id,
      title: '如何选择托育机构',
      kind: 'guide',
      tags: ['选择机构'],
      sourceDepartment: '吉林省卫生健康委员会',
      documentNumber: '吉卫发〔2026〕1号',
      effectiveOn: '2026-12-01',
      pinned: false,
      version: 1,
    })
    expect(article.blocks[0]).toEqual({ type: 'heading', level: 1, text: '看距离' })
    expect(article).not.toHaveProperty('body')
    expect(Date.parse(article.publishedAt)).toBeLessThan(Date.now())
  })

  it('never shows a draft: not in the list, the tags, the search, and its page is 404 like an unknown id', async () => {
    const id = await written(app, editor, anArticle({ title: '草稿：暂不公开的指南', tags: ['草稿标签'], body: '草稿正文内容独特词甲乙丙', publishAt: null }))
    expect((await editorView(app, editor, id)).json()).toMatchObject({ status: 'draft', publishAt: null, publishedAt: null })
    expect(await foundIds(app, {})).not.toContain(id)
    expect(await foundIds(app, { q: '甲乙丙' })).toEqual([])
    expect(await foundIds(app, { tag: '草稿标签' })).toEqual([])
    expect((await tags()).map((t) => t.tag)).not.toContain('草稿标签')
    const draft = await readArticle(app, id)
    const unknown = await readArticle(app, '00000000-0000-4000-8000-000000000000')
    expect(draft.statusCode).toBe(404)
    expect(unknown.statusCode).toBe(404)
    expect(draft.json()).toEqual(unknown.json())
  })

  it('shows a scheduled article at its time, with nothing run in between', async () => {
    const publishAt = inTheFuture(2)
    const id = await written(app, editor, anArticle({ title: '定时发布的指南', body: '定时发布正文独特词丁戊己', publishAt }))
    expect((await editorView(app, editor, id)).json()).toMatchObject({ status: 'scheduled', publishedAt: null })
    expect((await readArticle(app, id)).statusCode).toBe(404)
    expect(await foundIds(app, {})).not.toContain(id)
    expect(await foundIds(app, { q: '丁戊己' })).toEqual([])

    await sleep(Date.parse(publishAt) - Date.now() + 300)

    const res = await readArticle(app, id)
    expect(res.statusCode).toBe(200)
    expect(Date.parse(res.json().publishedAt)).toBe(Date.parse(publishAt))
    expect(await foundIds(app, {})).toContain(id)
    expect(await foundIds(app, { q: '丁戊己' })).toEqual([id])
    expect((await editorView(app, editor, id)).json()).toMatchObject({ status: 'published' })
  })

  it('hides a withdrawn article everywhere (404) and shows it again once restored', async () => {
    const id = await written(app, editor, anArticle({ title: '将被撤回的指南', tags: ['撤回测试'], body: '撤回测试正文独特词庚辛壬' }))
    expect(await foundIds(app, { tag: '撤回测试' })).toEqual([id])

    const withdrawn = await withdrawArticle(app, editor, id)
    expect(withdrawn.statusCode).toBe(200)
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', version: 1 })
    expect((await readArticle(app, id)).statusCode).toBe(404)
    expect(await foundIds(app, {})).not.toContain(id)
    expect(await foundIds(app, { tag: '撤回测试' })).toEqual([])
    expect(await foundIds(app, { q: '庚辛壬' })).toEqual([])
    expect((await tags()).map((t) => t.tag)).not.toContain('撤回测试')
    expect((await withdrawArticle(app, editor, id)).statusCode).toBe(409)

    const restored = await restoreArticle(app, editor, id)
    expect(restored.json()).toMatchObject({ status: 'published' })
    expect((await readArticle(app, id)).statusCode).toBe(200)
    expect((await restoreArticle(app, editor, id)).statusCode).toBe(409)
  })
})

describe('the list', () => {
  it('puts pinned articles first, then the newest, and pages through them', async () => {
    const kind = 'interpretation'
    const older = await written(app, editor, anArticle({ kind, title: '较早的解读', publishAt: '2026-01-01T08:00:00+08:00' }))
    const newer = await written(app, editor, anArticle({ kind, title: '较新的解读', publishAt: '2026-06-01T08:00:00+08:00' }))
    const pinnedOld = await written(app, editor, anArticle({ kind, title: '置顶的旧解读', pinned: true, publishAt: '2025-01-01T08:00:00+08:00' }))
    expect(await foundIds(app, { kind })).toEqual([pinnedOld, newer, older])

    const first = (await listArticles(app, { kind, pageSize: 2 })).json()
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2, hasMore: true })
    expect(first.items.map((a: { id: string }) => a.id)).toEqual([pinnedOld, newer])
    const second = (await listArticles(app, { kind, pageSize: 2, page: 2 })).json()
    expect(second).toMatchObject({ total: 3, page: 2, hasMore: false })
    expect(second.items.map((a: { id: string }) => a.id)).toEqual([older])
    expect(second.items[0]).not.toHaveProperty('blocks')
  })

  it('filters by tag and kind', async () => {
    const policy = await written(app, editor, anArticle({ kind: 'policy', title: '普惠政策文件', tags: ['筛选甲', '政策文件'] }))
    const guide = await written(app, editor, anArticle({ kind: 'guide', title: '普惠指南', tags: ['筛选甲'] }))
    expect(await foundIds(app, { tag: '筛选甲' })).toEqual(expect.arrayContaining([policy, guide]))
    expect(await foundIds(app, { tag: '筛选甲', kind: 'policy' })).toEqual([policy])
    expect(await foundIds(app, { tag: '筛选' })).toEqual([])
  })

  it('counts the tags of published articles, the most used first', async () => {
    await written(app, editor, anArticle({ tags: ['计数甲', '计数乙'] }))
    await written(app, editor, anArticle({ tags: ['计数甲'] }))
    await written(app, editor, anArticle({ tags: ['计数甲', '计数丙'], publishAt: null }))
    const counts = Object.fromEntries((await tags()).map((t) => [t.tag, t.count]))
    expect(counts).toMatchObject({ 计数甲: 2, 计数乙: 1 })
    expect(counts).not.toHaveProperty('计数丙')
    const order = (await tags()).map((t) => t.tag)
    expect(order.indexOf('计数甲')).toBeLessThan(order.indexOf('计数乙'))
  })

  it('answers 400 naming the parameter for bad queries', async () => {
    for (const [query, field] of [
      [{ kind: 'news' }, 'kind'],
      [{ pageSize: 51 }, 'pageSize'],
      [{ page: 0 }, 'page'],
      [{ q: '' }, 'q'],
      [{ q: '托'.repeat(51) }, 'q'],
      [{ tag: '' }, 'tag'],
    ] as const) {
      const res = await listArticles(app, query)
      expect(res.statusCode).toBe(400)
      expect(res.json().field).toBe(field)
    }
    const bad = await readArticle(app, 'not-a-uuid')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().field).toBe('id')
  })
})

import { anArticle, foundIds, listArticles, written, type Headers } from './test-fixtures'
import { signedInRegulator, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let editor: Headers
const ids: Record<string, string> = {}

beforeAll(async () => {
  editor = (await signedInRegulator(app, '220000')).headers
  const article = (title: string, body: string, summary = '') => written(app, editor, anArticle({ title, body, summary, tags: [] }))
  ids.institutions = await article('家长须知', '选择托育机构时，请先看它是否已经备案。')
  ids.apart = await article('寒假安排', '寒假期间的托管服务由社区提供。\n\n学前教育另有安排。')
  ids.inclusiveOnly = await article('普惠机构名单', '本市公布了一批普惠机构。')
  ids.subsidyOnly = await article('补贴发放', '运营补贴按季度发放。')
  ids.both = await article('普惠托位建设', '新建普惠托位可以申请建设补贴。')
  ids.inTitle = await article('营养膳食指南', '请按季节调整食谱。')
  ids.inBody = await article('季节提示', '秋冬季节要注意营养膳食搭配，多吃蔬菜。')
  ids.latin = await article('WiFi 与 APP 使用说明', '下载 App 后扫码登录。')
  ids.draft = await written(app, editor, anArticle({ title: '托育机构草稿', body: '托育机构草稿正文', publishAt: null }))
})

describe('Chinese text search', () => {
  it('finds 托育 inside 托育机构', async () => {
    expect(await foundIds(app, { q: '托育' })).toContain(ids.institutions)
    expect(await foundIds(app, { q: '托育机构' })).toContain(ids.institutions)
  })

  it('does not find 托育 where 托 and 育 are apart (托管 … 教育)', async () => {
    expect(await foundIds(app, { q: '托育' })).not.toContain(ids.apart)
    // The single characters are there: a lone character does find it.
    expect(await foundIds(app, { q: '托' })).toContain(ids.apart)
  })

  it('needs every word of a multi-word query', async () => {
    expect(await foundIds(app, { q: '普惠 补贴' })).toEqual([ids.both])
    expect(await foundIds(app, { q: '普惠' })).toEqual(expect.arrayContaining([ids.inclusiveOnly, ids.both]))
    expect(await foundIds(app, { q: '补贴' })).toEqual(expect.arrayContaining([ids.subsidyOnly, ids.both]))
  })

  it('needs every bigram of a longer word, not just some of its characters', async () => {
    // 托位建设 is in one article; 托位 alone or 建设 alone would match others too.
    expect(await foundIds(app, { q: '托位建设' })).toEqual([ids.both])
    expect(await foundIds(app, { q: '机构补贴' })).toEqual([])
  })

  it('ranks a title match above a body match', async () => {
    const found = await foundIds(app, { q: '营养膳食' })
    expect(found).toEqual([ids.inTitle, ids.inBody])
  })

  it('matches Latin words whatever their case', async () => {
    expect(await foundIds(app, { q: 'app' })).toEqual([ids.latin])
    expect(await foundIds(app, { q: 'WIFI' })).toEqual([ids.latin])
    expect(await foundIds(app, { q: 'ＡＰＰ' })).toEqual([ids.latin])
  })

  it('never finds a draft', async () => {
    expect(await foundIds(app, { q: '托育机构草稿' })).toEqual([])
    expect(await foundIds(app, { q: '草稿' })).toEqual([])
  })

  it.each([
    ['"托育'],
    ["托育'"],
    ["'; DROP TABLE articles; --"],
    ['托育 & | !'],
    ['!!!'],
    ['托育:*'],
    ['<->'],
    ['(托育'],
    ['\\'],
    ['%_'],
    ['《托育》，“机构”'],
    ['😀托育'],
    ['   '],
  ])('answers %j without an error', async (q) => {
    const res = await listArticles(app, { q })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toBeInstanceOf(Array)
  })

  it('treats punctuation around words as a separator', async () => {
    expect(await foundIds(app, { q: '《托育》' })).toContain(ids.institutions)
    expect(await foundIds(app, { q: '"普惠"，"补贴"' })).toEqual([ids.both])
    expect(await foundIds(app, { q: '!!!' })).toEqual([])
  })

  it('combines the query with the tag and kind filters and counts the matches', async () => {
    const tagged = await written(app, editor, anArticle({ title: '托育补贴政策解读', kind: 'interpretation', tags: ['组合筛选'] }))
    expect(await foundIds(app, { q: '托育', tag: '组合筛选' })).toEqual([tagged])
    expect(await foundIds(app, { q: '托育', kind: 'interpretation' })).toEqual([tagged])
    expect((await listArticles(app, { q: '普惠 补贴' })).json()).toMatchObject({ total: 1, hasMore: false })
  })
})

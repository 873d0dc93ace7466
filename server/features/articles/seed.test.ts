import fs from 'node:fs'
import path from 'node:path'
import type { Article, Block, Inline } from '../../../types/articles'
import { seedArticles, SHIPPED_ARTICLES } from './seed/seed-articles'
import { editArticle, foundIds, listArticles, readArticle, replaceArticle, replacementOf } from './test-fixtures'
import { signedInRegulator, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()

const headings = (blocks: Block[], level: number) =>
  blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level === level).map((b) => b.text)
const links = (blocks: Block[]): Inline[] =>
  blocks
    .flatMap((b) => {
      if (b.type === 'paragraph') return b.inlines
      if (b.type === 'list') return b.items.flat()
      return []
    })
    .filter((i) => i.type === 'link')

describe('shipped articles', () => {
  let policy: Article

  beforeAll(async () => {
    expect(await seedArticles(app.database.db)).toBe(SHIPPED_ARTICLES.length)
    const list = (await listArticles(app)).json()
    policy = (await readArticle(app, list.items[0].id)).json()
  })

  it('puts the 2019 policy first, pinned, with its department, number and date', () => {
    expect(policy).toMatchObject({
      title: '吉林省人民政府办公厅关于促进3岁以下婴幼儿照护服务发展的实施意见',
      kind: 'policy',
      pinned: true,
      sourceDepartment: '吉林省人民政府办公厅',
      documentNumber: '吉政办发〔2019〕42号',
      publishedAt: '2019-10-14T16:00:00.000Z',
    })
    expect(policy.tags).toContain('政策文件')
  })

  it('structures the policy by its sections', () => {
    expect(headings(policy.blocks, 1)).toEqual(['一、总体要求', '二、主要任务', '三、组织领导'])
    expect(headings(policy.blocks, 2)).toEqual([
      '（一）建立基本的婴幼儿照护服务支持政策',
      '（二）建立严格的托育服务登记准入制度',
      '（三）建立有利的婴幼儿照护服务保障措施',
      '（四）建立完善的婴幼儿照护服务监管体系',
      '（一）坚持政府主导，强化组织领导',
      '（二）坚持部门联动，强化部门协同',
      '（三）坚持正确导向，强化宣传旨导',
    ])
    const tasks = headings(policy.blocks, 3)
    expect(tasks).toHaveLength(10)
    expect(tasks[7]).toBe('8. 严格落实优惠保障政策')
    const supervision = policy.blocks[policy.blocks.findIndex((b) => b.type === 'heading' && b.text.startsWith('9.')) + 2]
    expect(supervision).toMatchObject({ type: 'list', ordered: false })
    expect(JSON.stringify(supervision)).toContain('三是各类托育机构应当成立家长委员会')
    expect(policy.blocks.at(-1)).toEqual({ type: 'paragraph', inlines: [{ type: 'text', text: '2019年10月15日' }] })
  })

  it('publishes the guides for parents, each tagged, and finds them by words', async () => {
    const list = (await listArticles(app)).json()
    expect(list.items.map((a: Article) => a.title)).toEqual([
      '吉林省人民政府办公厅关于促进3岁以下婴幼儿照护服务发展的实施意见',
      '如何选择托育机构',
      '什么是普惠托育',
      '托育机构享受的优惠政策',
      '怎样投诉举报',
    ])
    const tags = (await app.inject({ method: 'GET', url: '/api/articles/tags' })).json().items.map((t: { tag: string }) => t.tag)
    expect(tags).toEqual(expect.arrayContaining(['政策文件', '政策解读', '选择机构', '普惠', '优惠政策', '投诉举报']))
    const [, choosing, , benefits, complaints] = list.items.map((a: Article) => a.id)
    expect(await foundIds(app, { q: '退费' })).toContain(choosing)
    expect(await foundIds(app, { q: '居民价格' })).toEqual(expect.arrayContaining([benefits]))
    expect((await foundIds(app, { q: '110' }))[0]).toBe(complaints)
  })

  it('links only to pages the app has', async () => {
    const appConfig = fs.readFileSync(path.resolve(__dirname, '../../../src/app.config.ts'), 'utf8')
    let checked = 0
    for (const article of SHIPPED_ARTICLES) {
      const { items } = (await listArticles(app, { pageSize: 50 })).json()
      const id = items.find((a: Article) => a.title === article.title).id
      for (const link of links((await readArticle(app, id)).json().blocks)) {
        if (link.type !== 'link' || !link.href.startsWith('/pages/')) continue
        const [, root, page] = /^\/pages\/([^/?]+)\/([^/?]+)/.exec(link.href)!
        const declared = appConfig.includes(`'pages/${root}/${page}'`) || new RegExp(`root: 'pages/${root}', pages: \\[[^\\]]*'${page}'`).test(appConfig)
        expect([link.href, declared]).toEqual([link.href, true])
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(3)
  })

  it('is idempotent and never overwrites an edit', async () => {
    const editor = await signedInRegulator(app, '220000')
    const guideId = (await listArticles(app)).json().items[1].id
    expect((await editArticle(app, editor.headers, guideId, { title: '如何选择托育机构（修订）' })).statusCode).toBe(200)

    expect(await seedArticles(app.database.db)).toBe(0)
    expect((await listArticles(app)).json().total).toBe(SHIPPED_ARTICLES.length)
    expect((await readArticle(app, guideId)).json()).toMatchObject({ title: '如何选择托育机构（修订）', version: 2 })
  })

  it('belongs to the province: a 市州 regulator cannot edit it', async () => {
    const [changchun, province] = [await signedInRegulator(app, '220100'), await signedInRegulator(app, '220000')]
    const policyId = (await listArticles(app)).json().items[0].id
    const unpinned = await replacementOf(app, province.headers, policyId, { pinned: false })
    expect((await replaceArticle(app, changchun.headers, policyId, unpinned)).statusCode).toBe(404)
  })
})

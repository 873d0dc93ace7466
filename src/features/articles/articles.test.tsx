import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { Article, ArticleList, ArticleSummary } from '../../../types/articles'
import { ARTICLE_KINDS } from '../../../types/articles'
import { articleFixtures } from '../../../mock/fixtures/app'
import { errorResponse } from '../../../mock/handlers'
import { articleListFixture, toArticleSummary } from '../../../mock/handlers/articles'
import { answer, answerPages, answerWith } from '../../../test/support/answers'
import { recordQueries } from '../../../test/support/app-session'
import ArticleDetailPage from '../../pages/articles/detail'
import ArticlesPage from '../../pages/articles'
import { fireReachBottom } from '../../../test/stubs/taro'
import { ARTICLE_KIND_ORDER } from './constants'

const policy = articleFixtures[0]
const guide = articleFixtures.find((a) => a.title === '如何选择一家放心的托育机构') as Article
const routerParams = (params: Record<string, string>) => (useRouter as jest.Mock).mockImplementation(() => ({ params, path: '' }))
const rows = () => screen.getAllByTestId('article-row').map((row) => row.textContent ?? '')

const recordListQueries = () => recordQueries('/articles')

function withArticle(article: Article) {
  answer('get', '/articles/:id', article)
  routerParams({ id: article.id })
}

/** The BFF's list holding these articles. */
const listOf = (articles: Article[]): ArticleList => ({ items: articles.map(toArticleSummary), total: articles.length, page: 1, pageSize: 20, hasMore: false })
const titled = (...titles: string[]) => articleFixtures.filter((a) => titles.some((title) => a.title.includes(title)))

const env = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = env
})

describe('政策与指南 list', () => {
  it('lists pinned first, with tag chips from the BFF; a tag or a kind narrows the list', async () => {
    const queries = recordListQueries()
    const guides = articleFixtures.filter((a) => a.kind === 'guide').slice(0, 2)
    answerWith('get', '/articles', ({ query }) =>
      query.get('tag') === '等级评价' ? listOf(titled('托育机构质量评估标准解读')) : query.get('kind') === 'guide' ? listOf(guides) : articleListFixture,
    )
    render(<ArticlesPage />)
    await waitFor(() => expect(rows()).toHaveLength(articleFixtures.length))
    expect(rows()[0]).toContain('置顶')
    expect(rows()[0]).toContain(policy.title)
    expect(rows()[0]).toContain('吉林省人民政府办公厅 · 2019年11月1日 发布')

    fireEvent.click(await screen.findByText('等级评价'))
    await waitFor(() => expect(rows()).toEqual([expect.stringContaining('托育机构质量评估标准解读')]))
    expect(queries.at(-1)?.get('tag')).toBe('等级评价')

    fireEvent.click(screen.getByText('全部'))
    fireEvent.click(screen.getByText('育儿指南', { selector: '.articles__kind' }))
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(queries.at(-1)?.get('kind')).toBe('guide')
    expect(queries.at(-1)?.has('tag')).toBe(false)
  })

  it('searches once typing pauses, sending q, and says clearly when nothing is found', async () => {
    const queries = recordListQueries()
    answerWith('get', '/articles', ({ query }) =>
      query.get('q') === '税费减免' ? listOf(titled('托育机构可以享受哪些税费优惠')) : query.has('q') ? listOf([]) : articleListFixture,
    )
    render(<ArticlesPage />)
    await waitFor(() => expect(rows()).toHaveLength(articleFixtures.length))
    const box = screen.getByPlaceholderText('搜索政策、指南')

    fireEvent.change(box, { target: { value: '税费' } })
    fireEvent.change(box, { target: { value: '税费减免' } })
    await waitFor(() => expect(queries.at(-1)?.get('q')).toBe('税费减免'))
    expect(queries.filter((q) => q.has('q')).map((q) => q.get('q'))).toEqual(['税费减免'])
    await waitFor(() => expect(rows()).toEqual([expect.stringContaining('托育机构可以享受哪些税费优惠')]))

    fireEvent.change(box, { target: { value: '不存在的词' } })
    expect(await screen.findByText('没有找到与“不存在的词”相关的内容')).toBeTruthy()
    expect(screen.queryAllByTestId('article-row')).toHaveLength(0)

    fireEvent.click(screen.getByText('清除搜索和筛选'))
    await waitFor(() => expect(rows()).toHaveLength(articleFixtures.length))
    expect((box as HTMLInputElement).value).toBe('')
    expect(queries.at(-1)?.has('q')).toBe(false)
  })

  it('the keyboard 搜索 sends at once, and ✕ clears the words', async () => {
    const queries = recordListQueries()
    answerWith('get', '/articles', ({ query }) =>
      query.has('q') ? listOf(articleFixtures.filter((a) => !a.title.includes('婴幼儿家庭养育指南'))) : articleListFixture,
    )
    render(<ArticlesPage />)
    await waitFor(() => expect(rows()).toHaveLength(articleFixtures.length))
    const box = screen.getByPlaceholderText('搜索政策、指南')
    fireEvent.change(box, { target: { value: '托育' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    // Well before the typing pause would have sent it.
    await waitFor(() => expect(queries.at(-1)?.get('q')).toBe('托育'), { timeout: 250 })
    await waitFor(() => expect(rows().length).toBeGreaterThan(0))
    expect(rows().every((row) => !row.includes('婴幼儿家庭养育指南'))).toBe(true)

    fireEvent.click(screen.getByLabelText('清除'))
    await waitFor(() => expect(queries.at(-1)?.has('q')).toBe(false))
  })

  it('loads the next page when the parent scrolls to the bottom', async () => {
    const many: ArticleSummary[] = Array.from({ length: 25 }, (_, i) => ({
      id: `a7c1e000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      title: `文章 ${i + 1}`,
      summary: '',
      kind: 'guide',
      tags: [],
      sourceDepartment: '吉林省卫生健康委员会',
      publishedAt: '2026-01-01T00:00:00.000Z',
      effectiveOn: null,
      pinned: false,
    }))
    answerPages('/articles', many)
    render(<ArticlesPage />)
    await waitFor(() => expect(rows()).toHaveLength(20))
    expect(screen.getByText('正在加载更多…')).toBeTruthy()
    await act(async () => fireReachBottom())
    await waitFor(() => expect(rows()).toHaveLength(25))
    expect(screen.getByText('没有更多了，共 25 篇')).toBeTruthy()
  })
})

describe('an article', () => {
  it('shows its department, 文号, dates and tags, and its body as headings, paragraphs and lists', async () => {
    routerParams({ id: policy.id })
    render(<ArticleDetailPage />)
    expect(await screen.findByRole('heading', { name: policy.title })).toBeTruthy()
    expect(screen.getByText('吉林省人民政府办公厅')).toBeTruthy()
    expect(screen.getByText('吉政办发〔2019〕42号')).toBeTruthy()
    expect(screen.getAllByText('2019年11月1日')).toHaveLength(2)
    expect(screen.getByText('政策文件')).toBeTruthy()
    expect(screen.getByText('普惠')).toBeTruthy()

    expect(screen.getByRole('heading', { name: '一、总体要求' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: '（二）建立严格的托育服务登记准入制度' }).getAttribute('aria-level')).toBe('3')
    const lists = screen.getAllByRole('list')
    expect(
      within(lists[0])
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1.加强规划建设管理。', '2.发展多种形式婴幼儿照护服务：全日托、半日托、计时托、临时托。', '3.加强婴幼儿早期发展教育和健康指导。'])
  })

  it('shows markup and script as the characters typed: nothing is parsed or run', async () => {
    const evil = '<script>window.__ran = true</script><img src=x onerror="window.__ran = true"><b>粗</b>'
    withArticle({
      ...guide,
      title: '<i>标题</i>',
      blocks: [
        { type: 'heading', level: 2, text: '<h1>大标题</h1>' },
        { type: 'paragraph', inlines: [{ type: 'text', text: evil }] },
        { type: 'list', ordered: false, items: [[{ type: 'text', text: '<li>项</li>' }]] },
      ],
    })
    const { container } = render(<ArticleDetailPage />)
    await screen.findByText('<i>标题</i>')
    expect(screen.getByText(evil)).toBeTruthy()
    expect(screen.getByText('<h1>大标题</h1>')).toBeTruthy()
    expect(screen.getByText('<li>项</li>')).toBeTruthy()
    for (const tag of ['script', 'img', 'b', 'i', 'h1', 'li', 'a', 'iframe']) expect(container.querySelector(tag)).toBeNull()
    expect((window as unknown as { __ran?: boolean }).__ran).toBeUndefined()
  })

  it('on H5 opens an https link in a new tab; an in-app link navigates in the app', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null)
    withArticle(guide)
    render(<ArticleDetailPage />)
    fireEvent.click(await screen.findByText('国家卫生健康委网站'))
    expect(open).toHaveBeenCalledWith('https://www.nhc.gov.cn/', '_blank', 'noopener,noreferrer')
    expect(Taro.setClipboardData).not.toHaveBeenCalled()

    // 找托育 is a tab: switchTab, not navigateTo.
    fireEvent.click(screen.getByText('去找托育'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
    open.mockRestore()
  })

  it('in WeChat copies an https link and says so; a page link opens with navigateTo', async () => {
    process.env.TARO_ENV = 'weapp'
    const open = jest.spyOn(window, 'open').mockImplementation(() => null)
    withArticle(guide)
    const first = render(<ArticleDetailPage />)
    fireEvent.click(await screen.findByText('国家卫生健康委网站'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'https://www.nhc.gov.cn/' })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '链接已复制，请在浏览器中打开', icon: 'none' }))
    expect(open).not.toHaveBeenCalled()
    first.unmount()

    withArticle(policy)
    render(<ArticleDetailPage />)
    fireEvent.click(await screen.findByText('查看等级评价公示'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bulletins/index' })
    open.mockRestore()
  })

  it('shows a link to anything but https or an app page as plain text', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null)
    withArticle({
      ...guide,
      blocks: [
        {
          type: 'paragraph',
          inlines: [
            { type: 'link', text: '点我', href: 'javascript:alert(1)' },
            { type: 'link', text: '明文', href: 'http://example.com' },
          ],
        },
      ],
    })
    render(<ArticleDetailPage />)
    const bad = await screen.findByText('点我')
    expect(bad.className).not.toContain('article-body__link')
    fireEvent.click(bad)
    fireEvent.click(screen.getByText('明文'))
    expect(open).not.toHaveBeenCalled()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    open.mockRestore()
  })

  it('in WeChat shares a card and a 朋友圈 post with the article title and turns on both in the share menu', async () => {
    process.env.TARO_ENV = 'weapp'
    routerParams({ id: policy.id })
    render(<ArticleDetailPage />)
    await screen.findByRole('heading', { name: policy.title })
    expect(Taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] })
    const card = (useShareAppMessage as jest.Mock).mock.calls.at(-1)[0] as () => { title: string; path: string }
    expect(card()).toEqual({ title: policy.title, path: `/pages/articles/detail?id=${policy.id}` })
    const timeline = (useShareTimeline as jest.Mock).mock.calls.at(-1)[0] as () => { title: string; query: string }
    expect(timeline()).toEqual({ title: policy.title, query: `id=${policy.id}` })
    expect(screen.queryByText('复制链接')).toBeNull()
  })

  it('on H5 copies the page address with 复制链接', async () => {
    process.env.TARO_ENV = 'h5'
    routerParams({ id: policy.id })
    render(<ArticleDetailPage />)
    fireEvent.click(await screen.findByText('复制链接'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: window.location.href })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '链接已复制', icon: 'none' }))
  })

  it('says so when the article is gone', async () => {
    answer('get', '/articles/:id', errorResponse(404, '文章不存在或已撤回'))
    routerParams({ id: 'a7c1e000-0000-4000-8000-999999999999' })
    render(<ArticleDetailPage />)
    expect(await screen.findByText('文章不存在或已撤回')).toBeTruthy()
  })
})

describe('contract', () => {
  it('offers exactly the contract kinds', () => {
    expect([...ARTICLE_KIND_ORDER].sort()).toEqual([...ARTICLE_KINDS].sort())
  })
})

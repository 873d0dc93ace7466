import { render, screen } from '@testing-library/react'
import type { ArticleSummary } from '../../../types/articles'
import { answerPages } from '../../../test/support/answers'
import { listBlocks, readPages, scrollToBlock, uuidOf, WINDOW_ITEMS } from '../../../test/support/windowed-list'
import { ARTICLE_PAGE_SIZE } from './api'
import { ArticlesBrowser } from './components/articles-browser'

const articles: ArticleSummary[] = Array.from({ length: 150 }, (_, i) => ({
  id: uuidOf(i),
  title: `指南第${i + 1}篇`,
  summary: '',
  kind: 'guide',
  tags: [],
  sourceDepartment: '吉林省卫生健康委员会',
  publishedAt: '2026-01-01T00:00:00.000Z',
  effectiveOn: null,
  pinned: false,
}))
const rows = () => document.querySelectorAll('[data-testid="article-row"]')

describe('政策与指南, scrolled far', () => {
  it('keeps a bounded window of articles however many pages are read, and shows the first again on scrolling back up', async () => {
    answerPages('/articles', articles)
    render(<ArticlesBrowser onOpen={jest.fn()} />)
    await screen.findByText('指南第1篇')

    await readPages(6)

    expect(await screen.findByText(`指南第${6 * ARTICLE_PAGE_SIZE}篇`)).toBeTruthy()
    expect(listBlocks().length).toBeGreaterThanOrEqual(12)
    expect(rows().length).toBeLessThanOrEqual(WINDOW_ITEMS)
    expect(screen.queryByText('指南第1篇')).toBeNull()

    scrollToBlock(0)

    expect(screen.getByText('指南第1篇')).toBeTruthy()
    expect(rows().length).toBeLessThanOrEqual(WINDOW_ITEMS)
  })
})

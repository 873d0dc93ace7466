import { render, screen } from '@testing-library/react'
import type { BulletinSummary } from '../../../types/bulletins'
import { answerPages } from '../../../test/support/answers'
import { listBlocks, readPages, scrollToBlock, uuidOf, WINDOW_ITEMS } from '../../../test/support/windowed-list'
import { BULLETIN_PAGE_SIZE } from './api'
import { BulletinList } from './components/bulletin-list'

const bulletins: BulletinSummary[] = Array.from({ length: 150 }, (_, i) => ({
  id: uuidOf(i),
  round: `第${i + 1}批`,
  title: `等级评价结果公示第${i + 1}号`,
  department: '吉林省卫生健康委员会',
  cityCode: null,
  cityName: null,
  publishedOn: '2026-06-01',
  institutionCount: 4,
}))
const rows = () => document.querySelectorAll('[data-testid="bulletin-row"]')

describe('等级评价公示, scrolled far', () => {
  it('keeps a bounded window of bulletins however many pages are read, and shows the first again on scrolling back up', async () => {
    answerPages('/bulletins', bulletins)
    render(<BulletinList cities={[]} onOpen={jest.fn()} />)
    await screen.findByText('等级评价结果公示第1号')

    await readPages(6)

    expect(await screen.findByText(`等级评价结果公示第${6 * BULLETIN_PAGE_SIZE}号`)).toBeTruthy()
    expect(listBlocks().length).toBeGreaterThanOrEqual(12)
    expect(rows().length).toBeLessThanOrEqual(WINDOW_ITEMS)
    expect(screen.queryByText('等级评价结果公示第1号')).toBeNull()

    scrollToBlock(0)

    expect(screen.getByText('等级评价结果公示第1号')).toBeTruthy()
    expect(rows().length).toBeLessThanOrEqual(WINDOW_ITEMS)
  })
})

import { render, screen } from '@testing-library/react'
import { chinaAt, classFixture } from '../../../mock/fixtures/app/classes'
import { answerPages } from '../../../test/support/answers'
import { listBlocks, readPages, scrollToBlock, uuidOf, WINDOW_ITEMS } from '../../../test/support/windowed-list'
import ClassesPage from '../../pages/classes'
import { PAGE_SIZE } from './queries'

const cards = () => document.querySelectorAll('[data-testid="class-card"]')

describe('the 课堂 list, scrolled far', () => {
  it('keeps a bounded window of classes however many pages are read, and shows the first again on scrolling back up', async () => {
    const now = new Date()
    // Four a day, in order: 第1讲 is the soonest.
    answerPages(
      '/classes',
      Array.from({ length: 120 }, (_, i) =>
        classFixture({ id: uuidOf(i), title: `第${i + 1}讲`, startsAt: chinaAt(now, 1 + Math.floor(i / 4), `${10 + (i % 4) * 2}:00`) }),
      ),
    )
    render(<ClassesPage />)
    await screen.findByText('第1讲')

    await readPages(10)

    expect(await screen.findByText(`第${10 * PAGE_SIZE}讲`)).toBeTruthy()
    expect(listBlocks().length).toBeGreaterThanOrEqual(10)
    expect(cards().length).toBeLessThanOrEqual(WINDOW_ITEMS)
    expect(screen.queryByText('第1讲')).toBeNull()

    scrollToBlock(0)

    expect(screen.getByText('第1讲')).toBeTruthy()
    expect(cards().length).toBeLessThanOrEqual(WINDOW_ITEMS)
  })
})

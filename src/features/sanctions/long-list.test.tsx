import { render, screen } from '@testing-library/react'
import type { PublicSanction } from '../../../types/sanctions'
import { answerPages } from '../../../test/support/answers'
import { listBlocks, readPages, scrollToBlock, uuidOf, WINDOW_ITEMS } from '../../../test/support/windowed-list'
import { SANCTION_PAGE_SIZE } from './api'
import { SanctionList } from './components/sanction-list'

const sanctions: PublicSanction[] = Array.from({ length: 150 }, (_, i) => ({
  institutionId: uuidOf(i),
  institutionName: `第${i + 1}号托育点`,
  cityName: '长春市',
  districtName: '朝阳区',
  kind: 'credit_warning',
  measure: '列入信用警示名单',
  department: '长春市朝阳区卫生健康局',
  decidedOn: '2026-09-03',
}))
const rows = () => document.querySelectorAll('[data-testid="sanction-row"]')

describe('失信与处罚公示, scrolled far', () => {
  it('keeps a bounded window of entries however many pages are read, and shows the first again on scrolling back up', async () => {
    answerPages('/sanctions', sanctions)
    render(<SanctionList cities={[]} onOpenInstitution={jest.fn()} />)
    await screen.findByText('第1号托育点')

    await readPages(6)

    expect(await screen.findByText(`第${6 * SANCTION_PAGE_SIZE}号托育点`)).toBeTruthy()
    expect(listBlocks().length).toBeGreaterThanOrEqual(12)
    expect(rows().length).toBeLessThanOrEqual(WINDOW_ITEMS)
    expect(screen.queryByText('第1号托育点')).toBeNull()

    scrollToBlock(0)

    expect(screen.getByText('第1号托育点')).toBeTruthy()
    expect(rows().length).toBeLessThanOrEqual(WINDOW_ITEMS)
  })
})

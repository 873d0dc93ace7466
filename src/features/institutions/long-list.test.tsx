import { render, screen } from '@testing-library/react'
import { institutionFixtures, toSummary } from '../../../mock/fixtures/app'
import { answerPages } from '../../../test/support/answers'
import { listBlocks, readPages, scrollToBlock, uuidOf, WINDOW_ITEMS } from '../../../test/support/windowed-list'
import type { Origin } from '../../utils/origin'
import { InstitutionFinder } from './components/institution-finder'
import { PAGE_SIZE } from './queries'

const near: Origin = { kind: 'device', lat: 43.8595, lng: 125.3102 }
const registry = Array.from({ length: 150 }, (_, i) => ({
  ...toSummary(institutionFixtures[i % institutionFixtures.length]),
  id: uuidOf(i),
  name: `第${i + 1}号托育机构`,
}))
const cards = () => document.querySelectorAll('.institution-card')

describe('the home list of institutions, scrolled far', () => {
  it('keeps a bounded window of cards however many pages are read, and shows the first again on scrolling back up', async () => {
    answerPages('/institutions', registry, { totalCapped: false, sort: 'distance' })
    render(<InstitutionFinder origin={near} />)
    await screen.findByText('第1号托育机构')

    await readPages(12)

    expect(await screen.findByText(`第${12 * PAGE_SIZE}号托育机构`)).toBeTruthy()
    expect(listBlocks().length).toBeGreaterThanOrEqual(12)
    expect(cards().length).toBeLessThanOrEqual(WINDOW_ITEMS)
    expect(screen.queryByText('第1号托育机构')).toBeNull()

    scrollToBlock(0)

    expect(screen.getByText('第1号托育机构')).toBeTruthy()
    expect(cards().length).toBeLessThanOrEqual(WINDOW_ITEMS)
  })
})

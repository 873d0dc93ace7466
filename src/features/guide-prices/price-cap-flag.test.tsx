import { fireEvent, render, screen, within } from '@testing-library/react'
import { priceCheckFixtures } from '../../../mock/fixtures/app/costs'
import { errorResponse } from '../../../mock/handlers'
import { answer } from '../../../test/support/answers'
import { recordRequests } from '../../../test/support/app-session'
import type { InstitutionPriceCheck } from '../../../types/guide-prices'
import { fetchQuery } from '../../services/server-data'
import { PriceCapFlag } from './components/price-cap-flag'
import { priceCheckQuery } from './queries'

const id = priceCheckFixtures.within.institutionId
const answering = (check: InstitutionPriceCheck) => answer('get', '/institutions/:id/price-check', check)
const flag = () => screen.findByTestId('price-cap-flag')
const DEMO_CHANGCHUN = '依据：【演示数据】长春市普惠托育服务指导价（虚构，仅供演示）（2025年1月1日起执行） · 截至 2026年12月2日'

describe('the guide-price flag', () => {
  it('within every cap: one calm line naming the 市州, and the document with 截至, asked once', async () => {
    const requests = recordRequests()
    render(<PriceCapFlag institutionId={id} />)
    const shown = await flag()
    expect(shown.getAttribute('data-state')).toBe('within')
    expect(within(shown).getByText('收费在吉林市普惠指导价以内')).toBeTruthy()
    // Six caps from one document: quoted once.
    expect(
      within(shown)
        .getAllByText(/^依据：/)
        .map((line) => line.textContent),
    ).toEqual(['依据：【演示数据】吉林市普惠托育服务指导价（虚构，仅供演示）（2025年1月1日起执行） · 截至 2026年12月2日'])
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /institutions/${id}/price-check`])
  })

  it('over a cap: a flag naming the fee, how much over and the cap, with the document and 截至', async () => {
    answering(priceCheckFixtures.over)
    render(<PriceCapFlag institutionId={id} />)
    const shown = await flag()
    expect(shown.getAttribute('data-state')).toBe('over')
    expect(within(shown).getByText('收费超出长春市普惠指导价')).toBeTruthy()
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual(['全日托 · 幼儿园托班：收费 2,400元/月，超出指导价 200元（指导价 2,200元/月）'])
    expect(within(shown).getByText(DEMO_CHANGCHUN)).toBeTruthy()
    expect(within(shown).queryByText(/以内/)).toBeNull()
  })

  it('some fees over and some within: only those over are named', async () => {
    const [over] = priceCheckFixtures.over.checks
    const within_ = priceCheckFixtures.within.checks.slice(0, 2).map((c) => ({ ...c, guidePrice: { ...c.guidePrice, cityName: '长春市' } }))
    answering({ ...priceCheckFixtures.over, checks: [...within_, { ...over, feeYuan: 2550, overByYuan: 350 }] })
    render(<PriceCapFlag institutionId={id} />)
    const shown = await flag()
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual(['全日托 · 幼儿园托班：收费 2,550元/月，超出指导价 350元（指导价 2,200元/月）'])
    expect(within(shown).getAllByText(/^依据：/)).toHaveLength(1)
  })

  it('compact (compare’s columns): the largest excess in one line, or the calm line, without documents', async () => {
    answering(priceCheckFixtures.over)
    const { unmount } = render(<PriceCapFlag institutionId={id} compact />)
    expect((await flag()).textContent).toBe('!超出指导价 200元')
    unmount()
  })

  it('compact and within: the calm line alone', async () => {
    render(<PriceCapFlag institutionId={id} compact />)
    expect((await flag()).textContent).toBe('✓收费在吉林市普惠指导价以内')
  })

  it('neither 普惠 nor public: nothing at all', async () => {
    answering(priceCheckFixtures.uncapped)
    // The answer in hand before the flag is drawn: what it draws is all it will draw.
    expect((await fetchQuery(priceCheckQuery(id)))?.capped).toBe(false)
    const { container } = render(<PriceCapFlag institutionId={id} />)
    expect(container.textContent).toBe('')
    expect(screen.queryByTestId('price-cap-flag')).toBeNull()
  })

  it('capped but no guide price on record for its 市州: says so quietly', async () => {
    answering({ ...priceCheckFixtures.within, checks: [] })
    render(<PriceCapFlag institutionId={id} />)
    expect((await flag()).textContent).toBe('所在市州暂未登记适用的指导价')
  })

  it('when the check cannot be had: says so (never reads as within) and tries again on 重试', async () => {
    answer('get', '/institutions/:id/price-check', errorResponse(503, '服务暂不可用'), priceCheckFixtures.over)
    render(<PriceCapFlag institutionId={id} />)
    const shown = await flag()
    expect(shown.getAttribute('data-state')).toBe('error')
    expect(within(shown).getByText('暂时无法核对指导价')).toBeTruthy()
    fireEvent.click(within(shown).getByRole('button', { name: '重试' }))
    expect(await screen.findByText('收费超出长春市普惠指导价')).toBeTruthy()
  })
})

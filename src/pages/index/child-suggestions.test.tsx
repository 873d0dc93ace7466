import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import dayjs from 'dayjs'
import { institutionFixtures, institutionPageFixture } from '../../../mock/fixtures/app'
import { childOf } from '../../../mock/fixtures/app/account'
import { answer, answerWith } from '../../../test/support/answers'
import { signedInParent, recordQueries } from '../../../test/support/app-session'
import IndexPage from '.'

const recordListQueries = () => recordQueries('/institutions')

const cards = () => [...document.querySelectorAll('.institution-card')] as HTMLElement[]

describe('home page: suggestions from the parent’s children', () => {
  it('filters by a child’s birth month from the chip and points out the classes that fit that age', async () => {
    const birthMonth = dayjs().subtract(14, 'month').format('YYYY-MM')
    signedInParent()
    answer('get', '/me/children', { items: [childOf({ nickname: '小明', birthMonth, ageMonths: 14 })] })
    // For a 14-month-old the BFF answers the institutions with a class that takes one, 小橡树 among them.
    answerWith('get', '/institutions', ({ query }) =>
      query.has('childBirthMonth') ? institutionPageFixture(institutionFixtures.slice(0, 2)) : institutionPageFixture(),
    )
    const queries = recordListQueries()
    render(<IndexPage />)
    await screen.findByText(/共 \d+ 家备案机构/)
    expect(screen.queryByText(/^适合：/)).toBeNull()

    fireEvent.click(await screen.findByText('按 小明（1岁2个月）筛选'))

    await waitFor(() => expect(queries.at(-1)?.get('childBirthMonth')).toBe(birthMonth))
    await waitFor(() => expect(screen.getAllByText(/^适合：/).length).toBe(cards().length))
    const oak = cards().find((card) => card.textContent?.includes(institutionFixtures[0].name)) as HTMLElement
    // 小橡树: 乳儿班 6–12, 托小班 12–24 (余3), 托大班 24–36 → only 托小班 takes a 14-month-old.
    expect(within(oak).getByText('适合：托小班 余3')).toBeTruthy()
    expect(oak.querySelector('.card__class--fits')?.textContent).toBe('托小班 余3')

    fireEvent.click(screen.getByText('按 小明（1岁2个月）筛选'))
    await waitFor(() => expect(queries.at(-1)?.has('childBirthMonth')).toBe(false))
    await waitFor(() => expect(screen.queryByText(/^适合：/)).toBeNull())
  })

  it('shows no chip when signed out', async () => {
    render(<IndexPage />)
    await screen.findByText(/共 \d+ 家备案机构/)
    expect(screen.queryByText(/^按 /)).toBeNull()
  })
})

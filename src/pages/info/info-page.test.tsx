import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { articleFixtures, bulletinFixtures } from '../../../mock/fixtures/app'
import InfoPage from '.'

const section = (title: string) => screen.getByText(title, { selector: '.section__title' }).closest('.section') as HTMLElement

describe('资讯 tab', () => {
  it('shows the overview, the pinned policy with the latest three articles, the latest bulletin and the sanctions entry', async () => {
    render(<InfoPage />)
    await screen.findByTestId('stats-figures')

    const policies = section('政策与指南')
    await waitFor(() => expect(within(policies).getAllByTestId('article-row')).toHaveLength(4))
    const titles = within(policies)
      .getAllByTestId('article-row')
      .map((row) => row.textContent ?? '')
    expect(titles[0]).toContain('置顶')
    expect(titles[0]).toContain(articleFixtures[0].title)
    expect(titles.slice(1).map((t) => articleFixtures.slice(1, 4).some((a) => t.includes(a.title)))).toEqual([true, true, true])

    fireEvent.click(within(policies).getByText(articleFixtures[1].title))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/articles/detail?id=${articleFixtures[1].id}` })
    fireEvent.click(within(policies).getByText('更多 ›'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/articles/index' })

    const bulletins = section('等级评价公示')
    const latest = await within(bulletins).findByText(bulletinFixtures[0].title)
    expect(within(bulletins).getAllByTestId('bulletin-row')).toHaveLength(1)
    fireEvent.click(latest)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/bulletins/detail?id=${bulletinFixtures[0].id}` })
    fireEvent.click(within(bulletins).getByText('更多 ›'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/bulletins/index' })

    fireEvent.click(screen.getByText('失信与处罚公示'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/sanctions/index' })
  })

  it('opens on a parent’s reading: guides and the latest bulletin come before the province’s figures', async () => {
    render(<InfoPage />)
    const figures = await screen.findByTestId('stats-figures')
    await screen.findByText(bulletinFixtures[0].title)

    const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
    const policies = section('政策与指南')
    const bulletins = section('等级评价公示')
    expect(before(policies, bulletins)).toBe(true)
    expect(before(bulletins, figures)).toBe(true)
    expect(before(screen.getByText('失信与处罚公示'), figures)).toBe(true)
  })
})

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { bulletinFixtures, institutionFixtures } from '../../../mock/fixtures/app'
import BulletinDetailPage from '../../pages/bulletins/detail'
import BulletinsPage from '../../pages/bulletins'
import { errorResponse } from '../../../mock/handlers'
import { bulletinListFixture, toBulletinSummary } from '../../../mock/handlers/bulletins'
import { answer, answerWith } from '../../../test/support/answers'
import { recordQueries } from '../../../test/support/app-session'

const routerParams = (params: Record<string, string>) => (useRouter as jest.Mock).mockImplementation(() => ({ params, path: '' }))
/** The bulletin page the BFF answers. */
const showing = (bulletin: (typeof bulletinFixtures)[number]) => {
  answer('get', '/bulletins/:id', bulletin)
  routerParams({ id: bulletin.id })
}
const [round2026, changchun2025] = bulletinFixtures
const rows = () => screen.getAllByTestId('bulletin-row').map((row) => row.textContent ?? '')
const entry = (name: string) => screen.getByText(name).closest('[data-testid="bulletin-entry"]') as HTMLElement

const recordListQueries = () => recordQueries('/bulletins')

describe('等级评价公示', () => {
  it('lists every round newest first; a 市州 shows its own rounds and the province-wide ones', async () => {
    const queries = recordListQueries()
    // 延边: its own rounds (none here but the province-wide one) and the province-wide ones.
    const yanbian = bulletinFixtures.filter((b) => b.cityCode === null || b.cityCode === '222400').map(toBulletinSummary)
    answerWith('get', '/bulletins', ({ query }) =>
      query.get('cityCode') === '222400' ? { items: yanbian, total: yanbian.length, hasMore: false } : bulletinListFixture,
    )
    render(<BulletinsPage />)
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(rows()[0]).toContain('全省')
    expect(rows()[0]).toContain(round2026.title)
    expect(rows()[0]).toContain('吉林省卫生健康委员会 · 2026年6月1日 公布 · 4 家机构')
    expect(rows()[1]).toContain('长春市')

    fireEvent.click(await screen.findByText('延边朝鲜族自治州'))
    await waitFor(() => expect(queries.at(-1)?.get('cityCode')).toBe('222400'))
    await waitFor(() => expect(rows()).toHaveLength(yanbian.length))
    expect(rows().some((row) => row.includes('长春市'))).toBe(false)

    fireEvent.click(screen.getByText('全部地区'))
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(queries.at(-1)?.has('cityCode')).toBe(false)

    fireEvent.click(screen.getByText(changchun2025.title))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/bulletins/detail?id=${changchun2025.id}` })
  })

  it('shows a round grouped by level, each institution with its previous level and 升级/降级/新评/持平', async () => {
    showing(changchun2025)
    render(<BulletinDetailPage />)
    expect(await screen.findByRole('heading', { name: changchun2025.title })).toBeTruthy()
    expect(screen.getByText('长春市卫生健康委员会 · 2025年11月20日 公布')).toBeTruthy()
    expect(screen.getByText(changchun2025.intro)).toBeTruthy()

    const groups = screen.getAllByTestId('bulletin-group')
    expect(groups.map((g) => g.querySelector('.bulletin__group-title')?.textContent)).toEqual([
      'A级（优秀）（2 家）',
      'B级（良好）（3 家）',
      'C级（合格）（2 家）',
    ])

    const oak = entry('长春市朝阳区小橡树托育中心')
    expect(within(oak).getByText('↑ 升级')).toBeTruthy()
    expect(within(oak).getByText('原为 C级（合格）')).toBeTruthy()
    expect(within(oak).getByText('长春市 · 朝阳区 · 935 分')).toBeTruthy()
    const same = entry('二道区东盛街道社区托育点')
    expect(within(same).getByText('= 持平')).toBeTruthy()
    const fresh = entry('吉林省第一机关幼儿园托班')
    expect(within(fresh).getByText('★ 新评')).toBeTruthy()
    expect(within(fresh).queryByText(/^原为/)).toBeNull()
  })

  it('marks a downgrade, and tapping an entry opens that institution', async () => {
    showing(round2026)
    render(<BulletinDetailPage />)
    const faw = institutionFixtures.find((i) => i.name === '一汽集团职工子女托育室')!
    await screen.findByText(faw.name)
    expect(within(entry(faw.name)).getByText('↓ 降级')).toBeTruthy()
    expect(within(entry(faw.name)).getByText('原为 A级（优秀）')).toBeTruthy()

    fireEvent.click(entry(faw.name))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/institution/index?id=${faw.id}` })
  })

  it('shares to a chat and to 朋友圈 with its title, opening this bulletin for the receiver', async () => {
    showing(changchun2025)
    render(<BulletinDetailPage />)
    await screen.findByRole('heading', { name: changchun2025.title })

    const card = (useShareAppMessage as jest.Mock).mock.calls.at(-1)[0] as () => unknown
    const timeline = (useShareTimeline as jest.Mock).mock.calls.at(-1)[0] as () => unknown
    expect(card()).toEqual({ title: changchun2025.title, path: `/pages/bulletins/detail?id=${changchun2025.id}` })
    expect(timeline()).toEqual({ title: changchun2025.title, query: `id=${changchun2025.id}` })
  })

  it('says so when the bulletin is gone', async () => {
    answer('get', '/bulletins/:id', errorResponse(404, '公示不存在'))
    routerParams({ id: 'b0e1e000-0000-4000-8000-999999999999' })
    render(<BulletinDetailPage />)
    expect(await screen.findByText('公示不存在或已撤回')).toBeTruthy()
  })
})

import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { institutionFixtures, sanctionFixtures } from '../../../mock/fixtures/app'
import { answerWith } from '../../../test/support/answers'
import { recordQueries } from '../../../test/support/app-session'
import SanctionsPage from '../../pages/sanctions'
import { SANCTION_KINDS } from '../../../types/institutions'
import { SANCTION_KIND_ORDER } from './constants'

const rows = () => screen.getAllByTestId('sanction-row').map((row) => row.textContent ?? '')

const recordListQueries = () => recordQueries('/sanctions')

describe('失信与处罚公示', () => {
  it('lists institution, measure, department, date and kind, newest first, and never a reason', async () => {
    render(<SanctionsPage />)
    await waitFor(() => expect(rows()).toHaveLength(sanctionFixtures.length))
    expect(rows()[0]).toContain('信用警示')
    expect(rows()[0]).toContain('二道区童心家庭托育点')
    expect(rows()[0]).toContain('列入信用警示名单')
    expect(rows()[0]).toContain('长春市二道区卫生健康局 · 2026年9月3日')
    expect(rows()[1]).toContain('行政处罚')
    expect(rows()[1]).toContain('警告并罚款5000元')
    // The reasons the departments recorded for the fixtures' sanctions: no public answer carries them.
    for (const reason of ['托小班超额收托', '保育人员配备不足']) expect(screen.queryByText(new RegExp(reason))).toBeNull()
  })

  it('filters by kind and by 市州', async () => {
    const queries = recordListQueries()
    // What the BFF answers: the administrative penalty for 行政处罚, nothing in 延边, both otherwise.
    const listOf = (items: typeof sanctionFixtures) => ({ items, total: items.length, page: 1, pageSize: 20, hasMore: false })
    answerWith('get', '/sanctions', ({ query }) =>
      query.get('cityCode') === '222400' ? listOf([]) : listOf(sanctionFixtures.filter((s) => query.get('kind') !== 'sanction' || s.kind === 'sanction')),
    )
    render(<SanctionsPage />)
    await waitFor(() => expect(rows()).toHaveLength(2))

    fireEvent.click(screen.getByText('行政处罚', { selector: '.sanctions__kind' }))
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(queries.at(-1)?.get('kind')).toBe('sanction')
    expect(rows()[0]).toContain('长春市朝阳区贝乐托育中心')

    fireEvent.click(await screen.findByText('延边朝鲜族自治州'))
    expect(await screen.findByText('暂无公示信息')).toBeTruthy()
    expect(queries.at(-1)?.get('cityCode')).toBe('222400')
    expect(queries.at(-1)?.get('kind')).toBe('sanction')

    fireEvent.click(screen.getByText('长春市'))
    fireEvent.click(screen.getByText('全部', { selector: '.sanctions__kind' }))
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(queries.at(-1)?.get('cityCode')).toBe('220100')
    expect(queries.at(-1)?.has('kind')).toBe(false)
  })

  it('opens the institution when a row is tapped', async () => {
    render(<SanctionsPage />)
    const name = await screen.findByText('长春市朝阳区贝乐托育中心')
    fireEvent.click(name)
    const institution = institutionFixtures.find((i) => i.name === '长春市朝阳区贝乐托育中心')!
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/institution/index?id=${institution.id}` })
  })
})

describe('contract', () => {
  it('offers exactly the contract kinds', () => {
    expect([...SANCTION_KIND_ORDER].sort()).toEqual([...SANCTION_KINDS].sort())
  })
})

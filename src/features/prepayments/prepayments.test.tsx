import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { prepaymentFixtures } from '../../../mock/fixtures/app/prepayments'
import { errorResponse } from '../../../mock/handlers'
import { answer, answerWith } from '../../../test/support/answers'
import { recordRequests } from '../../../test/support/app-session'
import type { PrepaymentBadge as Badge, PrepaymentStatus } from '../../../types/prepayments'
import ComparePage from '../../pages/compare'
import InstitutionPage from '../../pages/institution'
import { useCompareStore } from '../compare/store'
import { PrepaymentBadge } from './components/prepayment-badge'
import { PrepaymentPanel } from './components/prepayment-panel'

const [a, b] = institutionFixtures
const institution = { id: a.id, name: a.name }
const answering = (status: PrepaymentStatus) => answer('get', '/institutions/:id/prepayment', { ...status, institutionId: institution.id })
const panel = () => screen.getByTestId('prepayment-panel')
const fact = (label: string) => within(screen.getByTestId('prepayment-facts')).getByText(label).parentElement!.textContent

async function showPanel(badge: Badge) {
  answering(prepaymentFixtures[badge])
  render(<PrepaymentPanel institution={institution} />)
  await screen.findByTestId('prepayment-panel')
}

describe('the prepayment badge', () => {
  it.each([
    ['supervised', '预收费受监管', '✓'],
    ['none_taken', '不预收费用', '✓'],
    ['no_information', '未见监管信息', '?'],
    ['breach', '违规预收', '!'],
  ] as const)('%s reads %s, with a mark and a colour of its own', (badge, words, mark) => {
    render(<PrepaymentBadge badge={badge} />)
    const shown = document.querySelector('.prepay-badge')!
    expect(shown.textContent).toBe(`${mark}${words}`)
    expect(shown.className).toContain(`prepay-badge--${badge}`)
    // The mark repeats the words for the eye only.
    expect(shown.querySelector('.prepay-badge__mark')!.getAttribute('aria-hidden')).toBeTruthy()
  })
})

describe('the prepayment panel', () => {
  it('asks the BFF for the institution’s status, once', async () => {
    const requests = recordRequests()
    await showPanel('supervised')
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /institutions/${institution.id}/prepayment`])
  })

  it('supervised: the bank and the day the regulator checked it, the 市州 rule quoted with its source and 截至, the institution’s own words', async () => {
    const status = prepaymentFixtures.supervised
    await showPanel('supervised')
    expect(within(panel()).getByText('预收费受监管')).toBeTruthy()
    expect(screen.getByText(status.reasons[0])).toBeTruthy()
    expect(fact('预收期限')).toBe('预收期限最长预收3个月')
    expect(fact('资金监管')).toBe('资金监管吉林银行长春分行（监管部门核实于 2026年11月10日）')
    expect(fact('使用示范合同')).toBe('使用示范合同是')
    expect(screen.getByText('以上情况由监管部门核实，截至 2026年11月10日')).toBeTruthy()

    const rule = screen.getByTestId('prepayment-rule')
    expect(within(rule).getByText('长春市的规定')).toBeTruthy()
    expect(within(rule).getByText(`“${status.rule!.ruleText}”`)).toBeTruthy()
    expect(within(rule).getByText(`来源：${status.rule!.sourceDocument}（2025年9月1日发布） · 截至 2026年11月20日`)).toBeTruthy()
    // A regulator's real rule carries no demo mark.
    expect(within(rule).queryByText('演示数据')).toBeNull()

    expect(screen.getByText('退费规则（机构自述）')).toBeTruthy()
    expect(screen.getByText(status.refundPolicy)).toBeTruthy()
    expect(screen.getByText(status.prepaymentTerms)).toBeTruthy()
    expect(within(screen.getByTestId('prepayment-advice')).getByText('缴费时请确认款项进入上面的监管账户，并保留缴费凭证。')).toBeTruthy()
    expect(screen.queryByText(/投诉预收费问题/)).toBeNull()
  })

  it('breach: every reason, no supervised account, the demo rule marked 演示数据, and what to do with the rule’s limit and a way to complain', async () => {
    const status = prepaymentFixtures.breach
    await showPanel('breach')
    expect(panel().getAttribute('data-badge')).toBe('breach')
    expect(within(panel()).getByText('违规预收')).toBeTruthy()
    for (const reason of status.reasons) expect(screen.getByText(reason)).toBeTruthy()
    expect(fact('预收期限')).toBe('预收期限最长预收12个月')
    expect(fact('资金监管')).toBe('资金监管未见资金监管信息')
    expect(fact('使用示范合同')).toBe('使用示范合同否')

    const rule = screen.getByTestId('prepayment-rule')
    expect(within(rule).getByText('吉林省的规定')).toBeTruthy()
    expect(within(rule).getByText(`“${status.rule!.ruleText}”`)).toBeTruthy()
    expect(within(rule).getByText('演示数据')).toBeTruthy()
    expect(within(rule).getByText('演示数据：以上规定为示例，并非真实文件')).toBeTruthy()
    expect(within(rule).getByText(/截至 2026年11月15日$/)).toBeTruthy()

    const advice = screen.getByTestId('prepayment-advice')
    expect(within(advice).getByText('按规定，预收费用最长不超过3个月：请勿多付。')).toBeTruthy()
    expect(within(advice).getByText('预收费用超过20000元的，须存入银行监管账户。')).toBeTruthy()
    expect(advice.textContent).toContain('资金监管账户')
    expect(advice.textContent).toContain('12345')
    fireEvent.click(within(advice).getByRole('link', { name: /投诉预收费问题/ }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/pages/complaint-new/index?institutionId=${institution.id}&name=${encodeURIComponent(institution.name)}`,
    })
  })

  it('breach with a supervised account on record: the parent checks the money goes there rather than asking for an account', async () => {
    const breach = prepaymentFixtures.breach
    answering({ ...breach, facts: { ...breach.facts!, longestPrepaymentMonths: 6, escrowBank: '吉林银行' } })
    render(<PrepaymentPanel institution={institution} />)
    const advice = await screen.findByTestId('prepayment-advice')
    expect(within(advice).getByText('缴费时请确认款项进入上面的监管账户，并保留缴费凭证。')).toBeTruthy()
    expect(advice.textContent).not.toContain('缴费前请机构出示资金监管账户')
    expect(fact('资金监管')).toBe('资金监管吉林银行（监管部门核实于 2026年11月2日）')
  })

  it('no information: nothing checked, no rule on record, a refund policy left blank, and the general advice', async () => {
    await showPanel('no_information')
    expect(within(panel()).getByText('未见监管信息')).toBeTruthy()
    expect(screen.getByText(prepaymentFixtures.no_information.reasons[0])).toBeTruthy()
    expect(fact('预收期限')).toBe('预收期限未核实')
    expect(fact('资金监管')).toBe('资金监管未见资金监管信息')
    expect(fact('使用示范合同')).toBe('使用示范合同未核实')
    expect(screen.getByText('监管部门尚未登记该机构的预收费情况')).toBeTruthy()
    expect(screen.getByText('暂未登记适用的预收费规定')).toBeTruthy()
    expect(screen.queryByTestId('prepayment-rule')).toBeNull()
    expect(screen.getByText('机构未填写')).toBeTruthy()
    const advice = screen.getByTestId('prepayment-advice')
    expect(within(advice).getByText('请勿一次性预付大额费用。')).toBeTruthy()
    expect(within(advice).getByRole('link', { name: /投诉预收费问题/ })).toBeTruthy()
  })

  it('none taken: says so, and what to do if asked to pay in advance anyway', async () => {
    await showPanel('none_taken')
    expect(within(panel()).getByText('不预收费用', { selector: '.prepay-badge__text' })).toBeTruthy()
    expect(fact('预收期限')).toBe('预收期限不预收费用')
    expect(fact('资金监管')).toBe('资金监管不预收费用，无需资金监管')
    expect(screen.getByText('该机构不预收费用：如被要求预付，可以拒绝并投诉。')).toBeTruthy()
    expect(screen.getByText(prepaymentFixtures.none_taken.prepaymentTerms)).toBeTruthy()
  })

  it('says when the status cannot be loaded, and tries again on a tap', async () => {
    answer('get', '/institutions/:id/prepayment', errorResponse(503, 'down'), prepaymentFixtures.breach)
    render(<PrepaymentPanel institution={institution} />)
    expect((await screen.findByRole('alert')).textContent).toContain('预收费信息加载失败')
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('违规预收')).toBeTruthy()
  })
})

describe('on the institution page', () => {
  it('takes the place of 退费与预收费: the institution’s own words are shown once, inside the panel', async () => {
    answer('get', '/institutions/:id', a)
    answering({ ...prepaymentFixtures.breach, refundPolicy: a.refundPolicy, prepaymentTerms: a.prepaymentTerms })
    ;(useRouter as jest.Mock).mockImplementation(() => ({ params: { id: a.id }, path: '' }))
    render(<InstitutionPage />)
    await screen.findByTestId('prepayment-panel')
    expect(screen.getAllByText('退费与预收费')).toHaveLength(1)
    expect(screen.getAllByText(a.refundPolicy)).toHaveLength(1)
    expect(screen.getAllByText(a.prepaymentTerms)).toHaveLength(1)
    expect(panel().textContent).toContain(a.refundPolicy)
    expect(panel().textContent).toContain('违规预收')
  })
})

describe('in compare', () => {
  it('shows each institution’s badge under its name', async () => {
    for (const item of [a, b]) useCompareStore.getState().add(item)
    answer('get', '/institutions/compare', { items: [a, b] })
    const badges: Record<string, PrepaymentStatus> = { [a.id]: prepaymentFixtures.supervised, [b.id]: prepaymentFixtures.breach }
    answerWith('get', '/institutions/:id/prepayment', ({ params }) => ({ ...badges[params.id as string], institutionId: params.id }))
    render(<ComparePage />)

    await waitFor(() => expect(document.querySelectorAll('.compare-table__column .prepay-badge')).toHaveLength(2))
    const column = (id: string) => document.querySelector(`.compare-table__column[data-id="${id}"]`) as HTMLElement
    expect(within(column(a.id)).getByText('预收费受监管')).toBeTruthy()
    expect(within(column(b.id)).getByText('违规预收')).toBeTruthy()
    expect(within(column(b.id)).getByText('预收费')).toBeTruthy()
  })
})

import { render, screen, within } from '@testing-library/react'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { feeDetailFixture } from '../../../mock/fixtures/app/costs'
import { fetchQuery } from '../../services/server-data'
import { FeeTable } from './components/fee-table'
import { institutionDetail } from './queries'

const rows = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((row) => row.textContent)
const form = (name: string) => screen.getByTestId(`fee-form-${name}`)

describe('the fee table', () => {
  it('lists each form’s fee, per class where a class pays differently, youngest class first', () => {
    render(<FeeTable detail={feeDetailFixture} />)
    expect(screen.getByText('托育服务与收费')).toBeTruthy()

    const fullDay = within(form('full_day')).getByRole('list', { name: '全日托按班级收费' })
    // Every class the institution runs, the one without a fee of its own (托小班) at the form's.
    expect(rows(fullDay)).toEqual(['乳儿班2,150元/月', '托小班1,850元/月', '托大班1,750元/月'])
    expect(within(form('full_day')).getByText('周一至周五 07:30-18:00')).toBeTruthy()
    expect(rows(within(form('half_day')).getByRole('list'))).toEqual(['乳儿班1,250元/月', '托小班1,100元/月', '托大班1,050元/月'])

    // A form every class pays the same for: its fee beside its name, in its unit.
    expect(within(form('hourly')).getByText('65元/小时')).toBeTruthy()
    expect(within(form('hourly')).queryByRole('list')).toBeNull()
  })

  it('lists 伙食费, 床品费 and 意外保险费 with their unit and note, then says nothing else may be charged', () => {
    render(<FeeTable detail={feeDetailFixture} />)
    const others = screen.getByRole('list', { name: '其他收费' })
    expect(rows(others)).toEqual([
      '伙食费15元/天按实际出勤天数收取，缺勤不收',
      '床品费200元（一次性）入托时一次性收取，可自带',
      '意外保险费100元/年婴幼儿意外伤害保险，家长自愿参加',
    ])
    expect(screen.getByText('除保育费外，机构只能另收伙食费、床品费和意外保险费，不得收取赞助费、择校费等其他任何费用。')).toBeTruthy()
  })

  it('without classes on record: the classes with a fee of their own, then 其他班级 at the form’s fee', () => {
    render(<FeeTable detail={{ ...feeDetailFixture, classDetails: [] }} />)
    expect(rows(within(form('full_day')).getByRole('list'))).toEqual(['乳儿班2,150元/月', '托大班1,750元/月', '其他班级1,850元/月'])
  })

  it('an institution with one fee a form and no other charges (the registry’s older rows), as the BFF answers it', async () => {
    const detail = (await fetchQuery(institutionDetail(institutionFixtures[0].id, {})))!
    render(<FeeTable detail={detail} />)
    expect(within(form('full_day')).getByText('1,200元/月')).toBeTruthy()
    expect(within(form('temporary')).getByText('150元/天')).toBeTruthy()
    expect(screen.queryAllByRole('list')).toHaveLength(0)
    expect(screen.getByText('机构未列出其他收费')).toBeTruthy()
    // The rule holds whatever the institution lists.
    expect(screen.getByText(/不得收取赞助费、择校费等其他任何费用/)).toBeTruthy()
  })
})

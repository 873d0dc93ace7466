import { fireEvent, render, screen } from '@testing-library/react'
import { institutionFixtures } from '../../mock/fixtures/app'
import { toSummary } from '../../mock/fixtures/app/institutions'
import { InstitutionCard } from './institution-card'

const sanctioned = toSummary(institutionFixtures.find((i) => i.warning?.kind === 'sanction')!)
const warned = toSummary(institutionFixtures.find((i) => i.warning?.kind === 'credit_warning')!)
const clean = toSummary(institutionFixtures.find((i) => i.warning === null && i.sanctions.length === 0)!)

const warningOnCard = () => document.querySelector('.institution-card .sanction-warning')

describe('InstitutionCard', () => {
  it('warns of a sanction with its measure, department and date before the grade and fees', () => {
    render(<InstitutionCard institution={sanctioned} onOpen={jest.fn()} />)
    const warning = warningOnCard()!
    expect(warning.textContent).toBe(`⚠ 行政处罚：${sanctioned.warning!.measure}${sanctioned.warning!.department} · 2026年8月12日 决定`)
    // Above the grade: the first thing under the name and tags.
    const badge = document.querySelector('.institution-card .grade')!
    expect(warning.compareDocumentPosition(badge) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('names a credit warning as such', () => {
    render(<InstitutionCard institution={warned} onOpen={jest.fn()} />)
    expect(screen.getByText(`⚠ 信用警示：${warned.warning!.measure}`)).toBeTruthy()
    expect(screen.getByText(`${warned.warning!.department} · 2026年9月3日 决定`)).toBeTruthy()
  })

  it('shows no warning without an active one, nor for a favourite saved before the BFF sent warnings', () => {
    const { unmount } = render(<InstitutionCard institution={clean} onOpen={jest.fn()} />)
    expect(warningOnCard()).toBeNull()
    unmount()
    const { warning: _warning, ...savedBefore } = sanctioned
    render(<InstitutionCard institution={savedBefore as typeof sanctioned} onOpen={jest.fn()} />)
    expect(warningOnCard()).toBeNull()
  })

  it('says the vacancies were updated on a date, so it never reads as a number of free places', () => {
    render(<InstitutionCard institution={clean} onOpen={jest.fn()} />)
    const updated = document.querySelector('.institution-card .card__foot .updated')!.textContent
    expect(updated).toMatch(/^空位信息更新于 \d{4}年\d{1,2}月\d{1,2}日（.+前）$/)
    expect(updated).not.toMatch(/空位\s*\d/)
  })

  it('shows the fee of the service form searched for, in its unit, instead of the monthly range', () => {
    const offering = institutionFixtures.find((i) => i.serviceForms.length === 4)!
    const feeOnCard = (form: 'hourly' | 'temporary' | 'full_day' | null) => {
      const { unmount } = render(<InstitutionCard institution={toSummary(offering, form)} onOpen={jest.fn()} />)
      const text = document.querySelector('.institution-card .card__fee')!.textContent
      unmount()
      return text
    }
    const fee = (form: string) => offering.services.find((s) => s.form === form)!.fee
    expect(feeOnCard('hourly')).toBe(`计时托 ${fee('hourly')} 元/小时`)
    expect(feeOnCard('temporary')).toBe(`临时托 ${fee('temporary')} 元/天`)
    expect(feeOnCard('full_day')).toBe(`全日托 ${fee('full_day')} 元/月`)
    expect(feeOnCard(null)).toBe(`¥${offering.monthlyFee!.min}–${offering.monthlyFee!.max}/月`)
  })

  it('opens the institution when tapped, the warning included', () => {
    const onOpen = jest.fn()
    render(<InstitutionCard institution={sanctioned} onOpen={onOpen} />)
    fireEvent.click(warningOnCard()!)
    expect(onOpen).toHaveBeenCalledWith(sanctioned.id)
  })
})

import { render, screen } from '@testing-library/react'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { answer } from '../../../test/support/answers'
import { InstitutionDetailView } from './components/institution-detail'

const downgraded = institutionFixtures.find((i) => i.gradeWarning?.kind === 'downgraded')!
const lapsed = institutionFixtures.find((i) => i.gradeWarning?.kind === 'lapsed')!
const steady = institutionFixtures.find((i) => i.gradeWarning === null && i.grade !== null)!

describe('grade warning on the institution page', () => {
  it('says when and from which level a grade went down', async () => {
    answer('get', '/institutions/:id', downgraded)
    render(<InstitutionDetailView id={downgraded.id} origin={null} />)
    expect((await screen.findByRole('alert')).textContent).toBe('⚠ 等级已于 2026年5月18日 由 A级（优秀） 降为 B级（良好）')
  })

  it('says when a grade lapsed', async () => {
    answer('get', '/institutions/:id', lapsed)
    render(<InstitutionDetailView id={lapsed.id} origin={null} />)
    expect((await screen.findByRole('alert')).textContent).toBe('⚠ 等级评价已于 2025年6月19日 过期（原为 B级（良好））')
  })

  it('shows nothing when the grade holds', async () => {
    answer('get', '/institutions/:id', steady)
    render(<InstitutionDetailView id={steady.id} origin={null} />)
    await screen.findByText(steady.name)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByText(/降为|过期（/)).toBeNull()
  })
})

import { t } from '.'
import { formatDistance, formatMonthlyFee } from '../utils/format'

describe('t()', () => {
  it('fills placeholders and reads enum labels from the catalogue', () => {
    expect(t('list.end', { total: 13 })).toBe('没有更多了，共 13 家')
    expect(t('enums.serviceForm.hourly')).toBe('计时托')
    expect(t('enums.kind.employer')).toBe('用人单位办托')
  })

  it('formats distances and monthly fee ranges the way parents read them', () => {
    expect(formatDistance(1.24)).toBe('1.2 公里')
    expect(formatDistance(12.6)).toBe('13 公里')
    expect(formatMonthlyFee({ min: 1800, max: 2600 })).toBe('¥1800–2600/月')
    expect(formatMonthlyFee(null)).toBe('收费待公布')
  })
})

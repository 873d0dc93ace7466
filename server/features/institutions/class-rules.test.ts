import { CLASS_LIMITS, classBreaches } from './class-rules'

describe('classBreaches', () => {
  it('reports no breach for a class within size and ratio', () => {
    expect(classBreaches({ type: 'toddler', capacity: 15, enrolled: 15, caregivers: 3 }, 'standalone')).toEqual({
      legalMaxSize: 15,
      legalMaxChildrenPerCaregiver: 5,
      childrenPerCaregiver: 5,
      breaches: [],
    })
  })

  it('judges size on enrolled children', () => {
    expect(classBreaches({ type: 'infant', capacity: 10, enrolled: 11, caregivers: 4 }, 'standalone').breaches).toEqual(['size'])
  })

  it('counts a capacity above the legal size even when the class is not full', () => {
    expect(classBreaches({ type: 'senior', capacity: 24, enrolled: 12, caregivers: 2 }, 'standalone').breaches).toEqual(['size'])
  })

  it('judges the ratio on enrolled / caregivers, exactly 1:N being allowed', () => {
    expect(classBreaches({ type: 'infant', capacity: 10, enrolled: 9, caregivers: 3 }, 'standalone').breaches).toEqual([])
    const over = classBreaches({ type: 'infant', capacity: 10, enrolled: 10, caregivers: 3 }, 'standalone')
    expect(over.breaches).toEqual(['ratio'])
    expect(over.childrenPerCaregiver).toBe(3.33)
  })

  it('reports both breaches together', () => {
    expect(classBreaches({ type: 'senior', capacity: 22, enrolled: 22, caregivers: 3 }, 'kindergarten').breaches).toEqual(['size', 'ratio'])
  })

  it('treats children without any caregiver as a ratio breach, and an empty class without one as fine', () => {
    expect(classBreaches({ type: 'toddler', capacity: 10, enrolled: 2, caregivers: 0 }, 'standalone')).toMatchObject({
      childrenPerCaregiver: null,
      breaches: ['ratio'],
    })
    expect(classBreaches({ type: 'toddler', capacity: 10, enrolled: 0, caregivers: 0 }, 'standalone')).toMatchObject({
      childrenPerCaregiver: null,
      breaches: [],
    })
  })

  it('applies the home-based limits (5 children, 1:3) whatever the class type', () => {
    expect(classBreaches({ type: 'senior', capacity: 5, enrolled: 5, caregivers: 2 }, 'home')).toEqual({
      legalMaxSize: 5,
      legalMaxChildrenPerCaregiver: 3,
      childrenPerCaregiver: 2.5,
      breaches: [],
    })
    expect(classBreaches({ type: 'senior', capacity: 7, enrolled: 7, caregivers: 3 }, 'home').breaches).toEqual(['size'])
    expect(classBreaches({ type: 'senior', capacity: 4, enrolled: 4, caregivers: 1 }, 'home').breaches).toEqual(['ratio'])
  })

  it('uses 1:7 and 18 children for mixed classes and 20 for kindergarten 托班', () => {
    expect(CLASS_LIMITS.mixed).toMatchObject({ maxSize: 18, maxChildrenPerCaregiver: 7, minAgeMonths: 18 })
    expect(classBreaches({ type: 'mixed', capacity: 18, enrolled: 15, caregivers: 2 }, 'community').breaches).toEqual(['ratio'])
    expect(classBreaches({ type: 'kindergarten', capacity: 20, enrolled: 20, caregivers: 3 }, 'kindergarten').breaches).toEqual([])
  })
})

import { routeComplaint, type RoutingSubject } from './routing'

const standalone: RoutingSubject = { kind: 'standalone', profit: 'nonprofit' }
const forprofit: RoutingSubject = { kind: 'standalone', profit: 'forprofit' }
const kindergarten: RoutingSubject = { kind: 'kindergarten', profit: 'nonprofit' }

describe('routeComplaint', () => {
  it.each([
    ['fees', standalone, ['market_regulation']],
    ['false_advertising', forprofit, ['market_regulation']],
    ['safety', standalone, ['emergency_management']],
    ['staff', standalone, ['human_resources']],
    ['hygiene_health', standalone, ['health']],
    ['food', forprofit, ['health']],
    ['other', null, ['health']],
    ['abuse', standalone, ['public_security', 'health']],
  ] as const)('%s → %j', (category, institution, departments) => {
    expect(routeComplaint(category, institution).departments).toEqual(departments)
  })

  it('makes suspected abuse, and only abuse, urgent', () => {
    expect(routeComplaint('abuse', null)).toEqual({ departments: ['public_security', 'health'], urgent: true })
    for (const category of ['fees', 'safety', 'staff', 'hygiene_health', 'food', 'other', 'unregistered', 'false_advertising'] as const) {
      expect(routeComplaint(category, standalone).urgent).toBe(false)
    }
  })

  it('sends what would go to health to education for a kindergarten 托班', () => {
    expect(routeComplaint('abuse', kindergarten).departments).toEqual(['public_security', 'education'])
    expect(routeComplaint('hygiene_health', kindergarten).departments).toEqual(['education'])
    expect(routeComplaint('food', kindergarten).departments).toEqual(['education'])
    expect(routeComplaint('other', kindergarten).departments).toEqual(['education'])
    expect(routeComplaint('fees', kindergarten).departments).toEqual(['market_regulation'])
    expect(routeComplaint('safety', kindergarten).departments).toEqual(['emergency_management'])
  })

  it('routes unregistered operation by the nature of the provider', () => {
    expect(routeComplaint('unregistered', standalone).departments).toEqual(['civil_affairs'])
    expect(routeComplaint('unregistered', kindergarten).departments).toEqual(['civil_affairs'])
    expect(routeComplaint('unregistered', forprofit).departments).toEqual(['market_regulation'])
    expect(routeComplaint('unregistered', null).departments).toEqual(['market_regulation'])
  })
})

import type { Selectable } from 'kysely'
import type { ComplaintCategory, Department } from '../../../types/complaints'
import type { InstitutionsTable } from '../../db/schema'

/** What routing needs to know about the subject: a registered institution, or null for a provider typed in by the parent. */
export type RoutingSubject = Pick<Selectable<InstitutionsTable>, 'kind' | 'profit'>

export interface Routing {
  departments: Department[]
  urgent: boolean
}

/**
 * The departments of the complaint's 市州 that handle it (§9 remits). Health is the lead department; a kindergarten's
 * 托班 answers to education instead. Suspected abuse goes to the police at once (mandatory reporting).
 */
export function routeComplaint(category: ComplaintCategory, institution: RoutingSubject | null): Routing {
  const healthOrEducation: Department = institution?.kind === 'kindergarten' ? 'education' : 'health'
  switch (category) {
    case 'fees':
    case 'false_advertising':
      return { departments: ['market_regulation'], urgent: false }
    case 'safety':
      return { departments: ['emergency_management'], urgent: false }
    case 'abuse':
      return { departments: ['public_security', healthOrEducation], urgent: true }
    case 'staff':
      return { departments: ['human_resources'], urgent: false }
    case 'unregistered':
      // Non-profits register with 民政, for-profits (and anyone not in the registry) with 市场监管.
      return { departments: [institution?.profit === 'nonprofit' ? 'civil_affairs' : 'market_regulation'], urgent: false }
    case 'hygiene_health':
    case 'food':
    case 'other':
      return { departments: [healthOrEducation], urgent: false }
  }
}

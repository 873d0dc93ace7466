import type { ActiveGrant } from '../../shared/auth'

export const CLASS_TAGS = ['classes']
export const CENTRE_TAGS = ['centre']

/** The centres a staff member works for (grants of role centre_staff). */
export const staffCentreIds = (grants: ActiveGrant[]) => grants.filter((g) => g.role === 'centre_staff' && g.centreId).map((g) => g.centreId!)

import type { SanctionKind } from '../../../types/institutions'

/** The kinds in the order the filter offers them (types/institutions.ts SANCTION_KINDS; the app imports types only). */
export const SANCTION_KIND_ORDER: readonly SanctionKind[] = ['sanction', 'credit_warning']

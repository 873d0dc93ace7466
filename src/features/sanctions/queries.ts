import type { PublicSanction, SanctionList } from '../../../types/sanctions'
import { pagedQuery } from '../../services/server-data'
import { listSanctions, type SanctionFilters } from './api'

export const sanctionKey = (sanction: PublicSanction) => `${sanction.institutionId}-${sanction.decidedOn}-${sanction.measure}`

export const sanctionList = (filters: SanctionFilters) =>
  pagedQuery<PublicSanction, SanctionList>({
    key: ['sanctions', 'list', filters],
    fetchPage: (page) => listSanctions(filters, page),
    itemKey: sanctionKey,
  })

import type { DetailQuery, InstitutionPage, InstitutionSort, InstitutionSummary } from '../../../types/institutions'
import { pagedQuery, query, usePagedList } from '../../services/server-data'
import type { Origin } from '../../utils/origin'
import { getGradeScheme, getInstitution, searchInstitutions } from './api'
import { buildSearchQuery, PAGE_SIZE, type InstitutionFilters } from './filters'
import { useInstitutionsStore } from './store'

export { PAGE_SIZE }

export function institutionSearch(origin: Origin | null, filters: InstitutionFilters, sort: InstitutionSort) {
  const { page: _page, ...asked } = buildSearchQuery(origin, filters, sort, 1, PAGE_SIZE)
  return pagedQuery<InstitutionSummary, InstitutionPage>({
    key: ['institutions', 'search', asked],
    fetchPage: (page) => searchInstitutions(buildSearchQuery(origin, filters, sort, page, PAGE_SIZE)),
    itemKey: (item) => item.id,
  })
}

/** The results for what the parent asked (nothing is fetched until the location is worked out). */
export function useInstitutionSearch() {
  const origin = useInstitutionsStore((s) => s.origin)
  const filters = useInstitutionsStore((s) => s.filters)
  const sort = useInstitutionsStore((s) => s.sort)
  return usePagedList(institutionSearch(origin, filters, sort), { enabled: origin !== null })
}

export const institutionDetail = (id: string, { lat, lng }: DetailQuery) =>
  query({ key: ['institutions', 'detail', id, { lat, lng }], fetch: () => getInstitution(id, lat !== undefined && lng !== undefined ? { lat, lng } : {}) })

/** The grading scheme changes with a new national standard, not while the app is open. */
export const gradeScheme = query({ key: ['grade-scheme'], fetch: () => getGradeScheme(), staleTime: Infinity })

import { useCallback, useEffect, useState } from 'react'
import type { DetailQuery, InstitutionDetail } from '../../../types/institutions'
import { describeError } from '../../services/http'
import { getInstitution } from './api'

type DetailState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; detail: InstitutionDetail }

export function useInstitutionDetail(id: string | undefined, query: DetailQuery) {
  const [state, setState] = useState<DetailState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const { lat, lng } = query

  useEffect(() => {
    if (!id) return
    let current = true
    setState({ status: 'loading' })
    getInstitution(id, lat !== undefined && lng !== undefined ? { lat, lng } : {})
      .then((detail) => current && setState({ status: 'ready', detail }))
      .catch((error: unknown) => current && setState({ status: 'error', message: describeError(error) }))
    return () => {
      current = false
    }
  }, [id, lat, lng, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, reload }
}

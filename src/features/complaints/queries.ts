import { fetchQuery, query } from '../../services/server-data'
import * as api from './api'

/** 我的投诉: complaints filed while signed in (not anonymous ones: the BFF keeps no identity with those). */
export const myComplaints = query({ key: ['complaints', 'mine'], fetch: async () => (await api.listMyComplaints()).items, account: true })

/** Registered institutions by name, for the complaint form's target (this feature's own query: features never share one). */
export const institutionsNamed = (name: string) =>
  query({ key: ['complaints', 'institutions-named', name], fetch: async () => (await api.searchInstitutions(name)).items, staleTime: 60_000 })

/** With this device's secret (anonymous, or filed here), else the sign-in token. */
export const complaintView = (trackingNumber: string, secret: string | null) =>
  query({
    key: ['complaints', 'view', trackingNumber],
    fetch: () => api.getComplaint(trackingNumber, secret),
    account: true,
    // The view the tracking form just got back is not asked for again as the page switches to it.
    staleTime: 10_000,
  })

/** Additions and ratings show in the complaint's history: resolves once the view shows them. */
export async function addAddition(trackingNumber: string, secret: string | null, text: string, photoIds: string[]): Promise<void> {
  await api.addAddition(trackingNumber, { text, photoIds }, secret)
  await fetchQuery(complaintView(trackingNumber, secret), { force: true })
}

export async function rateComplaint(trackingNumber: string, secret: string | null, score: number, comment: string): Promise<void> {
  const trimmed = comment.trim()
  await api.rateComplaint(trackingNumber, { score, ...(trimmed ? { comment: trimmed } : {}) }, secret)
  await fetchQuery(complaintView(trackingNumber, secret), { force: true })
}

import type { DayPeriod, GuidanceService, GuidanceStatus } from '../../../types/guidance'

// The app imports the contract as types only: its own ordered lists, checked against the contract by `satisfies`.
const services = {
  home_visit: true,
  health_check: true,
  growth_monitoring: true,
  feeding_guidance: true,
  vaccination_advice: true,
  disease_control: true,
} satisfies Record<GuidanceService, true>
const periods = { morning: true, afternoon: true, evening: true } satisfies Record<DayPeriod, true>

export const SERVICE_OPTIONS = Object.keys(services) as GuidanceService[]
export const PERIOD_OPTIONS = Object.keys(periods) as DayPeriod[]

/** The parent may still cancel these. */
export const OPEN_STATUSES: readonly GuidanceStatus[] = ['requested', 'scheduled']

/** As the contract allows: 1–6 windows, from tomorrow up to 60 days ahead. */
export const MAX_WINDOWS = 6
export const MAX_DAYS_AHEAD = 60

import type { InstitutionKind, Ownership, ProfitType, ServiceForm } from '../../types/institutions'

// The app may not import the contract at run time, so it keeps its own ordered lists;
// `satisfies Record<..., true>` makes the compiler complain when the contract gains or loses a value.
const serviceForms = { full_day: true, half_day: true, hourly: true, temporary: true } satisfies Record<ServiceForm, true>
const kinds = { standalone: true, kindergarten: true, employer: true, community: true, home: true } satisfies Record<InstitutionKind, true>
const ownerships = { public: true, private: true } satisfies Record<Ownership, true>
const profitTypes = { nonprofit: true, forprofit: true } satisfies Record<ProfitType, true>

export const SERVICE_FORM_OPTIONS = Object.keys(serviceForms) as ServiceForm[]
export const KIND_OPTIONS = Object.keys(kinds) as InstitutionKind[]
export const OWNERSHIP_OPTIONS = Object.keys(ownerships) as Ownership[]
export const PROFIT_OPTIONS = Object.keys(profitTypes) as ProfitType[]

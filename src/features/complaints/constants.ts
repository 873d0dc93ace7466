import type { ComplaintCategory } from '../../../types/complaints'

// The app may not import the contract at run time (it would pull TypeBox into the bundle), so it keeps its own
// copies; `satisfies` makes the compiler complain when the contract gains or loses a category, and
// constants.test.ts checks the pattern against the contract's.
const categories = {
  safety: true,
  hygiene_health: true,
  food: true,
  fees: true,
  staff: true,
  false_advertising: true,
  unregistered: true,
  abuse: true,
  other: true,
} satisfies Record<ComplaintCategory, true>

/** In the order the picker shows them (the contract's order). */
export const CATEGORY_OPTIONS = Object.keys(categories) as ComplaintCategory[]

/** e.g. TS20261128K7M2QD */
export const TRACKING_NUMBER_PATTERN = '^TS[0-9]{8}[A-Z0-9]{6}$'

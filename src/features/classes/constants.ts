import type { ClassKind, ClassMessageKind, ClassMode, ClassTopic } from '../../../types/classes'

// The app imports the contract as types only, so it keeps its own ordered lists;
// `satisfies Record<..., true>` makes the compiler complain when the contract gains or loses a value.
const topics = {
  early_development: true,
  feeding_nutrition: true,
  growth: true,
  disease_prevention: true,
  safety_first_aid: true,
  psychology: true,
  parent_child_play: true,
} satisfies Record<ClassTopic, true>
const kinds = { class: true, activity: true } satisfies Record<ClassKind, true>
const modes = { offline: true, online: true } satisfies Record<ClassMode, true>

export const TOPIC_OPTIONS = Object.keys(topics) as ClassTopic[]
export const KIND_OPTIONS = Object.keys(kinds) as ClassKind[]
export const MODE_OPTIONS = Object.keys(modes) as ClassMode[]

export const DATE_RANGES = ['all', 'today', 'week', 'month'] as const
export type DateRange = (typeof DATE_RANGES)[number]

/**
 * WeChat takes at most three one-time templates per requestSubscribeMessage, so the app asks for the three that can
 * still happen: a free seat is confirmed at once; a full class can only promote the parent later.
 */
export function messageKindsFor(full: boolean): ClassMessageKind[] {
  return full ? ['promoted', 'reminder', 'class_cancelled'] : ['sign_up_confirmed', 'reminder', 'class_cancelled']
}

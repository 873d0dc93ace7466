import { POLICY_2026_11_28 } from './policy-2026-11-28'

export interface ShippedPolicy {
  version: string
  /** ISO date-time; the current policy is the one published last. */
  publishedAt: string
  title: string
  body: string
}

/** Every version ever published, oldest first. A new version is a new file added here; old ones stay. */
export const SHIPPED_POLICIES: ShippedPolicy[] = [POLICY_2026_11_28]

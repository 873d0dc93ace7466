export interface BackoffPolicy {
  baseSeconds: number
  maxSeconds: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseSeconds: 5, maxSeconds: 60 * 60 }

/**
 * Seconds to wait after the `failedAttempts`-th failure: base · 2^(failedAttempts − 1), capped, then shortened by up to
 * a quarter at random so that jobs or deliveries failing together (a service down) do not all retry in the same second.
 */
export function backoffSeconds(failedAttempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30)
  const capped = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** exponent)
  return capped * (0.75 + 0.25 * random())
}

import type { FastifyInstance } from 'fastify'
import type { Department } from '../../../../types/complaints'
import { backoffSeconds, DEFAULT_BACKOFF, type BackoffPolicy } from '../../../shared/backoff'
import { startPollLoop, type PollLoop } from '../../../shared/poll-loop'
import { claimDueDeliveries, recordDelivered, recordFailedAttempt, type ClaimedDelivery } from './repository'
import { SEND_TIMEOUT_MS, sendDelivery } from './send'

export interface DeliveryWorkerOptions {
  /** Unique per running BFF process (host name, pid, random): claims are made and checked in its name. */
  instanceId: string
  /** Pause between polls when nothing was due. */
  pollMs?: number
  /** How long a claim holds: past it, a delivery whose instance died is taken by another. Keep it well above sendTimeoutMs. */
  leaseSeconds?: number
  maxBackoffSeconds?: number
  baseBackoffSeconds?: number
  batchSize?: number
  sendTimeoutMs?: number
  /** Tests only: runs after the receiver acknowledged and before that is recorded; throwing here is a crash at that moment. */
  beforeRecordingAck?: (delivery: ClaimedDelivery) => void | Promise<void>
}

/** runOnce() claims what is due now and handles each once; stop() waits for the round in flight. */
export type DeliveryWorker = PollLoop

/**
 * Forwards the outbox (complaint_deliveries) to the departments' intake endpoints until each is acknowledged. It never
 * gives up: a failing endpoint is retried with growing pauses, and attempts and the last error stay visible on the row.
 */
export function startDeliveryWorker(app: FastifyInstance, options: DeliveryWorkerOptions): DeliveryWorker {
  const { instanceId } = options
  const pollMs = options.pollMs ?? 2000
  const leaseSeconds = options.leaseSeconds ?? 60
  const batchSize = options.batchSize ?? 10
  const sendTimeoutMs = options.sendTimeoutMs ?? SEND_TIMEOUT_MS
  const backoff: BackoffPolicy = {
    baseSeconds: options.baseBackoffSeconds ?? DEFAULT_BACKOFF.baseSeconds,
    maxSeconds: options.maxBackoffSeconds ?? DEFAULT_BACKOFF.maxSeconds,
  }
  const { db } = app.database
  const log = app.log.child({ worker: 'complaint-deliveries', instanceId })

  async function deliver(delivery: ClaimedDelivery): Promise<void> {
    const url = app.settings.complaints.intakeUrls[delivery.department as Department]
    const result = url
      ? await sendDelivery(url, delivery.id, delivery.payload, sendTimeoutMs)
      : { acknowledged: false as const, error: `no intake URL configured for department ${delivery.department}` }
    const attempt = delivery.attempts + 1
    if (result.acknowledged) {
      await options.beforeRecordingAck?.(delivery)
      const recorded = await recordDelivered(db, delivery, instanceId)
      log.info({ deliveryId: delivery.id, department: delivery.department, attempt, recorded }, 'complaint forwarded')
      return
    }
    const retryInSeconds = backoffSeconds(attempt, backoff)
    await recordFailedAttempt(db, delivery, instanceId, result.error, retryInSeconds)
    log.warn({ deliveryId: delivery.id, department: delivery.department, attempt, error: result.error, retryInSeconds: Math.round(retryInSeconds) }, 'complaint forwarding failed, will retry')
  }

  async function claimAndDeliver(): Promise<number> {
    const claimed = await claimDueDeliveries(db, instanceId, batchSize, leaseSeconds)
    const outcomes = await Promise.allSettled(claimed.map(deliver))
    for (const [i, outcome] of outcomes.entries()) {
      // Not recorded either way: the claim stays until its lease ends, then the delivery is attempted again.
      if (outcome.status === 'rejected') log.error({ err: outcome.reason, deliveryId: claimed[i].id }, 'complaint delivery interrupted')
    }
    return claimed.length
  }

  return startPollLoop(claimAndDeliver, { pollMs, batchSize, onError: (error) => log.error({ err: error }, 'could not claim complaint deliveries') })
}

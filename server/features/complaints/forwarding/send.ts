export const SEND_TIMEOUT_MS = 10_000

export type SendResult = { acknowledged: true } | { acknowledged: false; error: string }

/**
 * POSTs one complaint to a department's intake endpoint. The Idempotency-Key is the forwarding job's id, the same on
 * every attempt: if this instance dies after the receiver accepted but before the acknowledgement is recorded, the next
 * attempt carries the same key and the receiver drops it as a repeat. Only a 2xx answer is an acknowledgement.
 */
export async function sendToIntake(url: string, idempotencyKey: string, payload: Record<string, unknown>, timeoutMs = SEND_TIMEOUT_MS): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text().catch(() => '')
    if (response.ok) return { acknowledged: true }
    return { acknowledged: false, error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}` }
  } catch (error) {
    // Duck-typed: a timeout is a DOMException, not always an `instanceof Error` (jest runs code in another realm).
    const { name, message, cause } = error as { name?: string; message?: string; cause?: { message?: string } }
    if (name === 'TimeoutError') return { acknowledged: false, error: `no answer within ${timeoutMs / 1000} s` }
    return { acknowledged: false, error: `${message ?? String(error)}${cause?.message ? `: ${cause.message}` : ''}` }
  }
}

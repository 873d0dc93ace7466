import type { FastifyBaseLogger } from 'fastify'

/** Delivers a one-time sign-in code to a phone: `tencent-sms.ts` in production, the log in development. */
export interface CodeSender {
  send(phone: string, code: string): Promise<void>
}

/** Development sender: the code goes to the BFF log, where the developer (and the browser tests) read it. */
export function logCodeSender(log: Pick<FastifyBaseLogger, 'info'>): CodeSender {
  return {
    async send(phone, code) {
      log.info({ phone: `${phone.slice(0, 3)}****${phone.slice(7)}` }, `sign-in code for ${phone}: ${code}`)
    },
  }
}

/**
 * A code that did not go out. 'refused': the provider answered and would not send it (bad settings, a blocked or
 * over-limit number): the BFF answers 502. 'unavailable': no usable answer in time (network, timeout, provider
 * fault): 503. The message is for the log; it never holds the full phone number or a secret.
 */
export class CodeDeliveryError extends Error {
  constructor(
    readonly reason: 'refused' | 'unavailable',
    message: string,
  ) {
    super(message)
    this.name = 'CodeDeliveryError'
  }
}

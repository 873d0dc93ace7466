import type { FastifyBaseLogger } from 'fastify'

/** Delivers a one-time sign-in code to a phone. Production plugs in an SMS gateway here. */
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

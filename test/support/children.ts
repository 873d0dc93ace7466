import type { FastifyInstance } from 'fastify'

type Headers = { authorization: string }

/** Accepts the current policy and, unless told otherwise, the child-data consent: what the app does before adding a child. */
export async function acceptConsents(app: FastifyInstance, headers: Headers, kinds: Array<'privacy_policy' | 'child_data'> = ['privacy_policy', 'child_data']) {
  const version = (await app.inject('/api/privacy-policy')).json().version as string
  for (const kind of kinds) {
    const response = await app.inject({ method: 'POST', url: '/api/me/consents', headers, payload: { kind, version, action: 'accept' } })
    if (response.statusCode !== 200) throw new Error(`consent ${kind}: ${response.statusCode} ${response.body}`)
  }
  return version
}

export async function addChild(app: FastifyInstance, headers: Headers, child: { nickname: string; birthMonth: string }) {
  return app.inject({ method: 'POST', url: '/api/me/children', headers, payload: child })
}

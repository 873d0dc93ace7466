import type { FastifyInstance } from 'fastify'

export function aBulletin(overrides: Record<string, unknown> = {}) {
  return {
    round: '2026年第一批',
    title: '吉林省托育机构等级评价结果公示（2026年第一批）',
    department: '吉林省卫生健康委员会',
    publishedOn: '2026-07-10',
    intro: '现予公示。',
    ...overrides,
  }
}

export const publish = (app: FastifyInstance, headers: Record<string, string> | undefined, payload: object) =>
  app.inject({ method: 'POST', url: '/api/admin/bulletins', headers, payload })

/** Publishes and returns the bulletin, failing loudly if publishing did not work. */
export async function published(app: FastifyInstance, headers: Record<string, string>, payload: object) {
  const response = await publish(app, headers, payload)
  if (response.statusCode !== 201) throw new Error(`publishing failed: ${response.statusCode} ${response.body}`)
  return response.json()
}

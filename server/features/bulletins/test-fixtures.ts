import type { FastifyInstance } from 'fastify'
import type { InstitutionRecord } from '../institutions/import/record'
import { dimensionScores } from '../../../test/support/institution-builder'
import { grantRole, signedInUser } from '../../../test/support/test-app'
import { upsertInstitutions } from '../institutions/import/upsert'

type Evaluation = InstitutionRecord['evaluations'][number]
const SCORES: Record<string, number> = { A: 920, B: 800, C: 650, D: 500 }

export const YANBIAN = { cityCode: '222400', districtCode: '222401', address: '延吉市示例路1号', lat: 42.9, lng: 129.5, filingAuthority: '延吉市卫生健康局' }

/** An evaluation whose dimension scores add up to its total. */
export function evaluation(round: string, evaluatedOn: string, level: string, validUntil = '2099-12-31'): Evaluation {
  const score = SCORES[level]
  const parts = [0.15, 0.15, 0.2, 0.15, 0.1, 0.15].map((share) => Math.floor(score * share))
  return {
    round, evaluatedOn, validUntil, level, score, department: '长春市卫生健康委员会',
    dimensionScores: dimensionScores([...parts, score - parts.reduce((a, b) => a + b, 0)]),
  }
}

/** Upserts the records and returns their ids by key. */
export async function seedRecords<K extends string>(app: FastifyInstance, records: Record<K, InstitutionRecord>): Promise<Record<K, string>> {
  const db = app.database.db
  await upsertInstitutions(db, Object.values(records))
  const ids = {} as Record<K, string>
  for (const [key, record] of Object.entries(records) as Array<[K, InstitutionRecord]>) {
    ids[key] = (await db.selectFrom('institutions').select('id').where('creditCode', '=', record.creditCode).executeTakeFirstOrThrow()).id
  }
  return ids
}

export async function regulator(app: FastifyInstance, regionCode: string) {
  const user = await signedInUser(app)
  await grantRole(app, user.userId, { role: 'regulator', regionCode })
  return user
}

export function aBulletin(overrides: Record<string, unknown> = {}) {
  return { round: '2026年第一批', title: '吉林省托育机构等级评价结果公示（2026年第一批）', department: '吉林省卫生健康委员会', publishedOn: '2026-07-10', intro: '现予公示。', ...overrides }
}

export const publish = (app: FastifyInstance, headers: Record<string, string> | undefined, payload: object) =>
  app.inject({ method: 'POST', url: '/api/admin/bulletins', headers, payload })

/** Publishes and returns the bulletin, failing loudly if publishing did not work. */
export async function published(app: FastifyInstance, headers: Record<string, string>, payload: object) {
  const response = await publish(app, headers, payload)
  if (response.statusCode !== 201) throw new Error(`publishing failed: ${response.statusCode} ${response.body}`)
  return response.json()
}


import { sql, type Kysely } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../../db/schema'
import type { Suggest } from './client'

type Db = Kysely<Database>

interface Verdict {
  suggest: Suggest
  label: number | null
}

/**
 * Trace ids of image checks live in the database, so a verdict that WeChat pushes after a restart (or to another BFF
 * instance) still finds its image. The push may also arrive before the request is recorded (WeChat is fast, or the
 * stand-in is): both sides upsert the same row and whichever comes second applies the verdict.
 */
export async function recordMediaCheckRequest(app: FastifyInstance, check: { traceId: string; subjectKind: string; subjectId: string }): Promise<void> {
  const row = await app.database.db
    .insertInto('wechatMediaChecks')
    .values({ traceId: check.traceId, subjectKind: check.subjectKind, subjectId: check.subjectId, requestedAt: sql`now()` })
    .onConflict((oc) => oc.column('traceId').doUpdateSet({ subjectKind: check.subjectKind, subjectId: check.subjectId, requestedAt: sql`now()` }))
    .returning(['suggest', 'label'])
    .executeTakeFirstOrThrow()
  if (row.suggest) await apply(app, check.subjectKind, check.subjectId, { suggest: row.suggest as Suggest, label: row.label })
}

/** False when the trace id was never asked for by this app (yet): the verdict is kept in case the request follows. */
export async function recordMediaCheckResult(app: FastifyInstance, result: { traceId: string } & Verdict): Promise<boolean> {
  const row = await app.database.db
    .insertInto('wechatMediaChecks')
    .values({ traceId: result.traceId, suggest: result.suggest, label: result.label, resultAt: sql`now()` })
    .onConflict((oc) => oc.column('traceId').doUpdateSet({ suggest: result.suggest, label: result.label, resultAt: sql`now()` }))
    .returning(['subjectKind', 'subjectId'])
    .executeTakeFirstOrThrow()
  if (!row.subjectKind || !row.subjectId) return false
  await apply(app, row.subjectKind, row.subjectId, result)
  return true
}

async function apply(app: FastifyInstance, kind: string, subjectId: string, verdict: Verdict): Promise<void> {
  const handler = app.mediaCheckHandlers.get(kind)
  if (!handler) {
    app.log.error({ kind }, 'no handler for WeChat image-check verdicts of this kind')
    return
  }
  await handler(app.database.db, subjectId, { suggest: verdict.suggest, label: verdict.label })
}

/** The author's openid for version 2 of the checks; null for an account that never signed in with WeChat. */
export async function openidOf(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('wechatOpenid').where('id', '=', userId).executeTakeFirst()
  return row?.wechatOpenid ?? null
}

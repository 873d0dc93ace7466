import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { notFound } from '../../shared/http-errors'
import type { Actor } from '../../shared/auth'
import { isCommitteeOf } from './access'
import { isLinked } from './notice-repository'

/** 404, not 403: whether an institution's notices exist is not confirmed to anyone outside it. */
export const noNoticesHere = () => notFound('未找到公告 (no notices found)')

/** Parents linked to the institution and its committee members read its notices. */
export async function canRead(db: Kysely<Database>, reader: Actor, institutionId: string): Promise<boolean> {
  return isCommitteeOf(reader.grants, institutionId) || isLinked(db, reader.userId, institutionId)
}

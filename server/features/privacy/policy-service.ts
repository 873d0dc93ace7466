import type { Kysely } from 'kysely'
import type { PrivacyPolicy } from '../../../types/privacy'
import type { Database } from '../../db/schema'
import { notFound } from '../../shared/http-errors'
import { findCurrentPolicy, findPolicy } from './repository'

/** The current privacy policy, shown before consent. */
export async function currentPolicy(db: Kysely<Database>): Promise<PrivacyPolicy> {
  const policy = await findCurrentPolicy(db)
  if (!policy) throw notFound('尚未发布个人信息保护政策 (no policy published)')
  return policy
}

/** One version, e.g. the one a user accepted. */
export async function policyVersion(db: Kysely<Database>, version: string): Promise<PrivacyPolicy> {
  const policy = await findPolicy(db, version)
  if (!policy) throw notFound(`没有版本为 ${version} 的个人信息保护政策 (no such policy version)`)
  return policy
}

import type { Kysely } from 'kysely'
import type { Child, ChildInput, ChildList } from '../../../types/me'
import type { Database } from '../../db/schema'
import { conflict, consentRequired, notFound } from '../../shared/http-errors'
import { countChildren, deleteChild, insertChild, listChildren, updateChild } from './child-repository'
import { MAX_CHILDREN, checkedBirthMonth, checkedNickname, presentChild } from './child-rules'
import { missingChildConsent } from './consent-service'

// The same answer whether the child is someone else's or does not exist: never confirm another family's data.
const childNotFound = () => notFound('未找到这个孩子的信息 (child not found)')

/** The input checked, then both consents: adding or changing a child needs the current policy and child-data consent. */
async function checkedChild(db: Kysely<Database>, userId: string, input: ChildInput) {
  const child = { nickname: checkedNickname(input.nickname), birthMonth: checkedBirthMonth(input.birthMonth) }
  const missing = await missingChildConsent(db, userId)
  if (missing) throw consentRequired(missing)
  return child
}

export async function childrenOf(db: Kysely<Database>, userId: string): Promise<ChildList> {
  return { items: (await listChildren(db, userId)).map((row) => presentChild(row)) }
}

export async function addChild(db: Kysely<Database>, userId: string, input: ChildInput): Promise<Child> {
  const child = await checkedChild(db, userId, input)
  if ((await countChildren(db, userId)) >= MAX_CHILDREN) throw conflict(`最多添加 ${MAX_CHILDREN} 个孩子 (at most ${MAX_CHILDREN} children)`)
  return presentChild(await insertChild(db, userId, child))
}

export async function replaceChild(db: Kysely<Database>, userId: string, childId: string, input: ChildInput): Promise<Child> {
  const row = await updateChild(db, userId, childId, await checkedChild(db, userId, input))
  if (!row) throw childNotFound()
  return presentChild(row)
}

/** Always allowed, consent or not. */
export async function removeChild(db: Kysely<Database>, userId: string, childId: string): Promise<void> {
  if (!(await deleteChild(db, userId, childId))) throw childNotFound()
}

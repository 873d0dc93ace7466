import type { Kysely } from 'kysely'
import type { ConsentBody, ConsentChange } from '../../../types/me'
import type { Database } from '../../db/schema'
import { conflict } from '../../shared/http-errors'
import { deleteAllChildren } from './child-repository'
import { currentPolicyVersion, latestConsents, recordConsent } from './consent-repository'
import { consentStatus, consentStatuses } from './consent-status'

export async function requireCurrentVersion(db: Kysely<Database>): Promise<string> {
  const version = await currentPolicyVersion(db)
  // Seeded on every start: its absence is a broken deployment, not a client error.
  if (!version) throw new Error('no privacy policy published')
  return version
}

export async function consentsOf(db: Kysely<Database>, userId: string) {
  const [version, latest] = await Promise.all([requireCurrentVersion(db), latestConsents(db, userId)])
  return consentStatuses(latest, version)
}

/** Why children may not be added or edited now, or null when both consents are current. */
export async function missingChildConsent(db: Kysely<Database>, userId: string): Promise<string | null> {
  const consents = await consentsOf(db, userId)
  if (consents.privacyPolicy.needed) return '请先阅读并同意最新的《吉林托育个人信息保护政策》 (privacy policy consent required)'
  if (consents.childData.needed) return '添加孩子信息前，需要您作为监护人单独同意处理孩子的信息 (guardian consent to child data required)'
  return null
}

/** Accepts or withdraws consent to the current policy version; withdrawing child data deletes the children with it. */
export async function changeConsent(db: Kysely<Database>, userId: string, change: ConsentBody): Promise<ConsentChange> {
  const { kind, version, action } = change
  return db.transaction().execute(async (trx) => {
    const currentVersion = await requireCurrentVersion(trx)
    if (version !== currentVersion) {
      throw conflict(`政策已更新为 ${currentVersion} 版，请先阅读新版本 (version ${version} is not the current ${currentVersion})`, 'version')
    }
    const recorded = await recordConsent(trx, { userId, kind, policyVersion: version, action })
    const status = consentStatus(recorded, currentVersion)
    if (action === 'withdraw' && kind === 'child_data') {
      // PIPL: without the guardian's consent there is no basis to keep the children's data.
      const childrenDeleted = await deleteAllChildren(trx, userId)
      return {
        ...status,
        childrenDeleted,
        message: `已撤回同意，并已删除您账号下全部 ${childrenDeleted} 个孩子的信息 (consent withdrawn; children's data deleted)`,
      }
    }
    const message = action === 'accept' ? '已记录您的同意 (consent recorded)' : '已撤回同意；重新同意前不能添加或修改孩子信息 (consent withdrawn)'
    return { ...status, childrenDeleted: 0, message }
  })
}

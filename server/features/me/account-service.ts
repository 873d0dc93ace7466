import type { Kysely, Transaction } from 'kysely'
import type { Me, MeExport, Role } from '../../../types/me'
import type { Database } from '../../db/schema'
import { unauthorized } from '../../shared/auth'
import { complaintsFiledBy, deleteAccount, findUser, grantsOf, sessionsOf } from './account-repository'
import { presentChild } from './child-rules'
import { listChildren } from './child-repository'
import { consentHistory } from './consent-repository'
import { consentsOf } from './consent-service'
import { listFavourites } from './favourite-repository'
import { listLinks } from './link-repository'
import { maskPhone, presentGrant } from './present'

/** What other features hold about the user (the personal-data registry): their export and their erase. */
export interface HeldElsewhere {
  export(userId: string): Promise<Pick<MeExport, 'classSignUps' | 'guidanceRequests'>>
  erase(trx: Transaction<Database>, userId: string): Promise<void>
}

async function existingUser(db: Kysely<Database>, userId: string) {
  const user = await findUser(db, userId)
  if (!user) throw unauthorized('账号不存在 (account no longer exists)')
  return user
}

/** The signed-in user: masked phone, roles, consent status. */
export async function me(db: Kysely<Database>, userId: string): Promise<Me> {
  const user = await existingUser(db, userId)
  const [grants, consents] = await Promise.all([grantsOf(db, user.id, { includeRevoked: false }), consentsOf(db, user.id)])
  const roles: Role[] = ['parent', ...new Set(grants.map((g) => g.role))]
  return {
    id: user.id,
    phone: maskPhone(user.phone),
    wechat: user.wechatOpenid !== null,
    roles,
    grants: grants.map(presentGrant),
    consents,
    createdAt: user.createdAt,
  }
}

/** Everything held about the user (PIPL right of access and copy). */
export async function exportAccount(db: Kysely<Database>, userId: string, elsewhere: HeldElsewhere): Promise<MeExport> {
  const user = await existingUser(db, userId)
  const [sessions, grants, consents, children, links, favourites, complaints] = await Promise.all([
    sessionsOf(db, user.id),
    grantsOf(db, user.id, { includeRevoked: true }),
    consentHistory(db, user.id),
    listChildren(db, user.id),
    listLinks(db, user.id),
    listFavourites(db, user.id),
    complaintsFiledBy(db, user.id),
  ])
  const heldByOtherFeatures = await elsewhere.export(user.id)
  return {
    exportedAt: new Date().toISOString(),
    account: { id: user.id, phone: user.phone, wechatLinked: user.wechatOpenid !== null, createdAt: user.createdAt, lastSignInAt: user.lastSignInAt },
    sessions,
    roleGrants: grants.map((g) => ({ ...presentGrant(g), revokedAt: g.revokedAt })),
    consents,
    children: children.map((c) => presentChild(c)),
    institutionLinks: links,
    favourites,
    complaints,
    ...heldByOtherFeatures,
    heldElsewhere: [
      '匿名投诉不与任何账号关联，不在此导出；请凭查询编号和查询码查看。注销账号时，您署名的投诉依法保留，但与您解除关联并删除联系电话。(anonymous complaints are linked to nobody; named ones are kept unlinked after deletion)',
      '微信登录时，我们只保存微信为本小程序生成的 openid，不在导出文件中显示。(the WeChat openid is held but not shown)',
    ],
  }
}

/** The account and all personal data go at once, other features' first (in the same transaction). */
export async function deleteAccountOf(db: Kysely<Database>, userId: string, elsewhere: HeldElsewhere): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await elsewhere.erase(trx, userId)
    await deleteAccount(trx, userId)
  })
}

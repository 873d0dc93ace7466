import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Me, MeExport, type Role } from '../../../types/me'
import { unauthorized } from '../../shared/auth'
import { chinaToday } from '../../shared/china-time'
import { erasePersonalData, exportPersonalData } from '../../shared/personal-data'
import { consentsOf } from './consents'
import { presentChild } from './child-rules'
import { maskPhone, presentGrant } from './present'
import { BEARER, ME_TAGS, NoContent, errorResponses } from './route-options'
import { complaintsFiledBy, consentHistory, deleteAccount, findUser, grantsOf, listChildren, listFavourites, listLinks, sessionsOf } from './repository'

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get('/me', {
    onRequest: app.authenticate,
    schema: { summary: 'The signed-in user: masked phone, roles, consent status', tags: ME_TAGS, security: BEARER, response: { 200: Me, ...errorResponses(401) } },
  }, async (request) => {
    const user = await findUser(db, request.userId)
    if (!user) throw unauthorized('账号不存在 (account no longer exists)')
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
  })

  app.get('/me/export', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Download everything held about the user (PIPL right of access and copy)',
      tags: ME_TAGS, security: BEARER,
      response: { 200: MeExport, ...errorResponses(401) },
    },
  }, async (request, reply) => {
    const user = await findUser(db, request.userId)
    if (!user) throw unauthorized('账号不存在 (account no longer exists)')
    const [sessions, grants, consents, children, links, favourites, complaints] = await Promise.all([
      sessionsOf(db, user.id), grantsOf(db, user.id, { includeRevoked: true }), consentHistory(db, user.id),
      listChildren(db, user.id), listLinks(db, user.id), listFavourites(db, user.id), complaintsFiledBy(db, user.id),
    ])
    const heldByOtherFeatures = await exportPersonalData(app, user.id)
    reply.header('content-disposition', `attachment; filename="jilin-tuoyu-export-${chinaToday().replace(/-/g, '')}.json"`)
    reply.header('cache-control', 'no-store')
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
  })

  app.delete('/me', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Delete the account and all personal data at once; the access token stops working',
      tags: ME_TAGS, security: BEARER,
      response: { 204: NoContent, ...errorResponses(401) },
    },
  }, async (request, reply) => {
    await db.transaction().execute(async (trx) => {
      await erasePersonalData(app, trx, request.userId)
      await deleteAccount(trx, request.userId)
    })
    request.log.info({ userId: request.userId }, 'account deleted on request')
    return reply.code(204).send(null)
  })
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ConsentBody, ConsentChange } from '../../../types/me'
import { conflict } from '../../shared/http-errors'
import { consentStatus } from './consent-status'
import { requireCurrentVersion } from './consents'
import { BEARER, ME_TAGS, errorResponses } from './route-options'
import { deleteAllChildren, recordConsent } from './repository'

export const consentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.post('/me/consents', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Accept or withdraw consent to the current policy or to child data; withdrawing child data deletes the children',
      tags: ME_TAGS, security: BEARER,
      body: ConsentBody,
      response: { 200: ConsentChange, ...errorResponses(400, 401, 409) },
    },
  }, async (request) => {
    const { kind, version, action } = request.body
    const userId = request.userId
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
        return { ...status, childrenDeleted, message: `已撤回同意，并已删除您账号下全部 ${childrenDeleted} 个孩子的信息 (consent withdrawn; children's data deleted)` }
      }
      const message = action === 'accept'
        ? '已记录您的同意 (consent recorded)'
        : '已撤回同意；重新同意前不能添加或修改孩子信息 (consent withdrawn)'
      return { ...status, childrenDeleted: 0, message }
    })
  })
}

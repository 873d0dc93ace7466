import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { GrantList, GrantListQuery, GrantParams, GrantRecord, GrantRoleBody } from '../../../types/roles'
import { conflict, notFound } from '../../shared/http-errors'
import { assertRegulates, checkRegulatorRegion, citiesRegulatedBy, outsideYourCity, personOf, scopeOf, type GrantScope } from './grant-rules'
import { presentGrantRecord } from './present'
import { BEARER, ROLES_TAGS, errorResponses } from './route-options'
import {
  findCentreScope, findGrantRecord, findInstitutionScope, findUserIdById, findUserIdByPhone, hasActiveGrant, insertGrant,
  listGrantRecords, revokeGrant,
} from './repository'

export const grantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))
  const asRegulator = app.requireRole('regulator')

  /** The 市州 a scope belongs to (220000 for a provincial regulator grant); 404/400 when it does not exist. */
  async function scopeCityOf(scope: GrantScope): Promise<string> {
    if (scope.role === 'committee') {
      const institution = await findInstitutionScope(db, scope.institutionId)
      if (!institution) throw notFound(`未找到机构 ${scope.institutionId} (institution not found)`)
      return institution.cityCode
    }
    if (scope.role === 'centre_staff') {
      const centre = await findCentreScope(db, scope.centreId)
      if (!centre) throw notFound(`未找到社区卫生服务中心 ${scope.centreId} (health centre not found)`)
      return centre.cityCode
    }
    return checkRegulatorRegion(scope.regionCode, cityCodes)
  }

  app.post('/admin/roles', {
    onRequest: asRegulator,
    schema: {
      summary: 'Grant a role within the 市州 you regulate (a provincial regulator: anywhere)',
      tags: ROLES_TAGS, security: BEARER, body: GrantRoleBody,
      response: { 201: GrantRecord, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const person = personOf(request.body)
    const scope = scopeOf(request.body)
    assertRegulates(request.grants, await scopeCityOf(scope))
    const userId = 'userId' in person ? await findUserIdById(db, person.userId) : await findUserIdByPhone(db, person.phone)
    if (!userId) throw notFound('未找到该用户：请对方先用手机号登录一次 (no such user; they must sign in once first)')
    const grant = {
      userId, role: scope.role,
      institutionId: scope.role === 'committee' ? scope.institutionId : null,
      centreId: scope.role === 'centre_staff' ? scope.centreId : null,
      regionCode: scope.role === 'regulator' ? scope.regionCode : null,
    }
    const duplicate = () => conflict('该用户已有相同的角色 (an identical active grant exists)')
    if (await hasActiveGrant(db, grant)) throw duplicate()
    const id = await insertGrant(db, { ...grant, grantedBy: request.userId })
    if (id === null) throw duplicate()
    request.log.info({ grantId: id, role: scope.role, grantedBy: request.userId }, 'role granted')
    return reply.code(201).send(presentGrantRecord((await findGrantRecord(db, id))!))
  })

  app.delete('/admin/roles/:id', {
    onRequest: asRegulator,
    schema: {
      summary: 'Revoke a grant within your 市州; the record stays (revokedAt, revokedBy)',
      tags: ROLES_TAGS, security: BEARER, params: GrantParams,
      response: { 200: GrantRecord, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const existing = await findGrantRecord(db, request.params.id)
    if (!existing) throw notFound('未找到该授权记录 (grant not found)')
    assertRegulates(request.grants, existing.scopeCityCode!)
    await revokeGrant(db, existing.id, request.userId)
    request.log.info({ grantId: existing.id, revokedBy: request.userId }, 'role revoked')
    return presentGrantRecord((await findGrantRecord(db, existing.id))!)
  })

  app.get('/admin/roles', {
    onRequest: asRegulator,
    schema: {
      summary: 'Grants within your 市州, revoked ones included, newest first',
      tags: ROLES_TAGS, security: BEARER, querystring: GrantListQuery,
      response: { 200: GrantList, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { role, regionCode, institutionId } = request.query
    const visibleCities = citiesRegulatedBy(request.grants)
    if (regionCode !== undefined) {
      checkRegulatorRegion(regionCode, cityCodes)
      if (visibleCities && !visibleCities.includes(regionCode)) throw outsideYourCity()
    }
    const rows = await listGrantRecords(db, { scopeCities: visibleCities, role, regionCode, institutionId: institutionId?.toLowerCase() })
    return { items: rows.map(presentGrantRecord) }
  })
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  InstitutionParams,
  PrepaymentFactsInput,
  PrepaymentRule,
  PrepaymentRuleInput,
  PrepaymentRuleList,
  PrepaymentStatus,
  RegionParams,
} from '../../../types/prepayments'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { prepaymentStatus, recordFacts, rules, saveRule } from './prepayment-service'

const TAGS = ['prepayments']

/** 预收费: whether a parent's money paid in advance is safe at an institution, and the regulators' records of it. */
export const prepaymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get(
    '/institutions/:id/prepayment',
    {
      schema: {
        summary: "An institution's prepaid-money badge, with its reasons, what the regulator checked and the rule in force",
        tags: TAGS,
        params: InstitutionParams,
        response: { 200: PrepaymentStatus, ...errorResponses(400, 404) },
      },
    },
    async (request) => prepaymentStatus(db, request.params.id.toLowerCase()),
  )

  app.put(
    '/admin/institutions/:id/prepayment',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: "Record what was checked at an institution of the regulator's 市州 (as of today); each record is kept",
        tags: TAGS,
        security: BEARER,
        params: InstitutionParams,
        body: PrepaymentFactsInput,
        response: { 200: PrepaymentStatus, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const status = await recordFacts(db, request, request.params.id.toLowerCase(), request.body)
      request.log.info({ institutionId: status.institutionId, badge: status.badge, by: request.userId }, 'prepayment facts recorded')
      return status
    },
  )

  app.get(
    '/admin/prepayment-rules',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: "The prepayment rules on record: the province's, then each 市州's own",
        tags: TAGS,
        security: BEARER,
        response: { 200: PrepaymentRuleList, ...errorResponses(401, 403) },
      },
    },
    async () => rules(db),
  )

  app.put(
    '/admin/prepayment-rules/:regionCode',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: "Set the province's rule (220000, province regulators) or a 市州's own (that 市州); each version is kept",
        tags: TAGS,
        security: BEARER,
        params: RegionParams,
        body: PrepaymentRuleInput,
        response: { 200: PrepaymentRule, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const rule = await saveRule(db, request, request.params.regionCode, request.body, cityCodes)
      request.log.info({ regionCode: rule.regionCode, by: request.userId }, 'prepayment rule saved')
      return rule
    },
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  MySubsidies,
  NetCost,
  NetCostParams,
  NetCostQuery,
  MySubsidyQuery,
  SubsidyEstimate,
  SubsidyEstimateQuery,
  SubsidyProgramme,
  SubsidyProgrammeInput,
  SubsidyProgrammeList,
  SubsidyProgrammeParams,
  SubsidyProgrammeQuery,
} from '../../../types/subsidies'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { createProgramme, estimateForBirthMonth, programmesKeptBy, publicProgrammes, replaceProgramme, subsidiesOfMyChildren } from './subsidy-service'
import { netCostAt } from './net-cost-service'

const TAGS = ['subsidies']

/** 育儿补贴: the programmes, what a child gets from them, and the regulators' upkeep of them. */
export const subsidyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get(
    '/subsidies/programmes',
    {
      schema: {
        summary: 'Subsidy programmes paying now or later: in a 市州 the national, province-wide and its own; all without one',
        tags: TAGS,
        querystring: SubsidyProgrammeQuery,
        response: { 200: SubsidyProgrammeList, ...errorResponses(400) },
      },
    },
    async (request) => publicProgrammes(db, request.query, cityCodes),
  )

  app.get(
    '/subsidies/estimate',
    {
      schema: {
        summary: 'What a child born in a month gets, programme by programme, as of this month (no account needed)',
        tags: TAGS,
        querystring: SubsidyEstimateQuery,
        response: { 200: SubsidyEstimate, ...errorResponses(400) },
      },
    },
    async (request) => estimateForBirthMonth(db, request.query, cityCodes),
  )

  app.get(
    '/institutions/:id/net-cost',
    {
      schema: {
        summary: 'What care there would cost a child born in a month, month by month: fee and 伙食费 less the subsidies',
        tags: TAGS,
        params: NetCostParams,
        querystring: NetCostQuery,
        response: { 200: NetCost, ...errorResponses(400, 404) },
      },
    },
    async (request) => netCostAt(db, request.params.id.toLowerCase(), request.query),
  )

  app.get(
    '/me/subsidies',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "What each of the user's children gets, programme by programme, as of this month",
        tags: TAGS,
        security: BEARER,
        querystring: MySubsidyQuery,
        response: { 200: MySubsidies, ...errorResponses(400, 401) },
      },
    },
    async (request) => subsidiesOfMyChildren(db, request.userId, request.query, cityCodes),
  )

  app.get(
    '/admin/subsidies/programmes',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: "The programmes the regulator keeps (a province regulator: all; a 市州's: its own), ended ones too",
        tags: TAGS,
        security: BEARER,
        response: { 200: SubsidyProgrammeList, ...errorResponses(401, 403) },
      },
    },
    async (request) => programmesKeptBy(db, request),
  )

  app.post(
    '/admin/subsidies/programmes',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: 'Add a programme: national or province-wide (province regulators) or a 市州 top-up (that 市州)',
        tags: TAGS,
        security: BEARER,
        body: SubsidyProgrammeInput,
        response: { 201: SubsidyProgramme, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const programme = await createProgramme(db, request, request.body, cityCodes)
      request.log.info({ programmeId: programme.id, level: programme.level, cityCode: programme.cityCode, by: request.userId }, 'subsidy programme added')
      return reply.code(201).send(programme)
    },
  )

  app.put(
    '/admin/subsidies/programmes/:id',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: 'Replace every field of a programme the regulator keeps; each accepted version is kept',
        tags: TAGS,
        security: BEARER,
        params: SubsidyProgrammeParams,
        body: SubsidyProgrammeInput,
        response: { 200: SubsidyProgramme, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const programme = await replaceProgramme(db, request, request.params.id.toLowerCase(), request.body, cityCodes)
      request.log.info({ programmeId: programme.id, by: request.userId }, 'subsidy programme replaced')
      return programme
    },
  )
}

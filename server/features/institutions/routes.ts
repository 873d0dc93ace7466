import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CompareQuery,
  CompareResponse,
  DetailQuery,
  InstitutionDetail,
  InstitutionPage,
  InstitutionParams,
  InstitutionSearchQuery,
} from '../../../types/institutions'
import { errorResponses } from '../../shared/route-schemas'
import { compareInstitutions, institutionDetail, institutionSearchAnswer } from './institution-service'

const TAGS = ['institutions']

export const institutionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get(
    '/institutions',
    {
      schema: {
        summary: 'Nearby search with filters, paged',
        tags: TAGS,
        querystring: InstitutionSearchQuery,
        response: { 200: InstitutionPage, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const answer = await institutionSearchAnswer(db, await app.nearbyIndex.current(), request.query, app.reference)
      if ('page' in answer) return answer.page
      // Fastify sends JSON text as it is (no serialiser): the index pieced it from the summaries the schema describes.
      return reply.type('application/json; charset=utf-8').send(answer.json as unknown as InstitutionPage)
    },
  )

  app.get(
    '/institutions/compare',
    {
      schema: {
        summary: 'Two to four institutions side by side',
        tags: TAGS,
        querystring: CompareQuery,
        response: { 200: CompareResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => compareInstitutions(db, request.query, app.reference),
  )

  app.get(
    '/institutions/:id',
    {
      schema: {
        summary: 'One institution with everything a parent needs to decide',
        tags: TAGS,
        params: InstitutionParams,
        querystring: DetailQuery,
        response: { 200: InstitutionDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => institutionDetail(db, request.params.id, request.query, app.reference),
  )
}

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { SecurityScene } from '../../shared/wechat/client'
import { assertTextsAllowed } from '../../shared/wechat/content-security'
import type { TextCheck } from './text-rules'

export const NOTICE_TAGS = ['notices']

/** WeChat's check of the texts the signed-in user is about to publish in the scene (a profile, a post). */
export const textCheckOf =
  (app: FastifyInstance, request: FastifyRequest, scene: SecurityScene): TextCheck =>
  (fields) =>
    assertTextsAllowed(app, request.log, request.userId, scene, fields)

import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import type { ErrorCode, ErrorResponse } from '../../types/common'
import { DATABASE_RETRY_AFTER_SECONDS, DatabaseUnavailableError } from '../db/unavailable'
import { ClientError, codeForStatus } from './http-errors'
import { fieldOf, validationMessage } from './validation-messages'

/** Fastify's own refusals (unreadable JSON, an unknown content type, a body over the limit), said for people. */
const FRAMEWORK_MESSAGES: Record<number, string> = {
  400: '请求格式不正确',
  404: '没有这个地址',
  405: '不支持这种请求方式',
  413: '请求内容过大',
  415: '不支持这种内容类型',
}

export function sendError(reply: FastifyReply, answer: Omit<ErrorResponse, 'error'> & { code: ErrorCode }) {
  // "ConsentRequired" predates the codes; apps of that time still read it.
  const error = answer.code === 'consent_required' ? 'ConsentRequired' : (STATUS_CODES[answer.statusCode] ?? 'Error')
  const { statusCode, ...rest } = answer
  return reply.code(statusCode).send({ statusCode, error, ...rest })
}

export function sendDatabaseUnavailable(reply: FastifyReply) {
  reply.header('retry-after', DATABASE_RETRY_AFTER_SECONDS)
  return sendError(reply, { statusCode: 503, code: 'database_unavailable', message: '数据库暂时不可用，请稍后再试', detail: 'the database cannot be reached' })
}

/**
 * One answer shape for every failure: `code` for programs, `message` in Chinese for people, `field` for the input at
 * fault, `detail` in English for developers. Faults of the BFF itself say nothing more than "unavailable"; the log has
 * the rest.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0]
      const field = fieldOf(first, error.validationContext) ?? 'body'
      return sendError(reply, { statusCode: 400, code: 'validation', message: validationMessage(first, field), field, detail: error.message })
    }
    if (error instanceof ClientError) {
      const { statusCode, code, message, field } = error
      const detail = field ? `${field}: ${error.detail ?? 'invalid'}` : error.detail
      if (statusCode >= 500) request.log.warn({ code, detail }, message)
      return sendError(reply, { statusCode, code, message, ...(field ? { field } : {}), ...(detail ? { detail } : {}) })
    }
    if (error instanceof DatabaseUnavailableError) {
      request.log.warn({ err: error.cause }, 'database unavailable')
      return sendDatabaseUnavailable(reply)
    }
    if (error.statusCode && error.statusCode < 500) {
      const message = FRAMEWORK_MESSAGES[error.statusCode] ?? '请求无效'
      return sendError(reply, { statusCode: error.statusCode, code: codeForStatus(error.statusCode), message, detail: error.message })
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendError(reply, { statusCode: 500, code: 'internal', message: '服务暂时不可用，请稍后再试' })
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    return sendError(reply, {
      statusCode: 404,
      code: 'not_found',
      message: `没有这个地址：${request.method} ${path}`,
      detail: `no route ${request.method} ${path}`,
    })
  })
}

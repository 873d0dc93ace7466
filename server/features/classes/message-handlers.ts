import type { FastifyInstance } from 'fastify'
import { CLASS_MESSAGE_KINDS, type ClassMessageKind } from '../../../types/classes'
import type { JobHandler, JobHandlers } from '../../shared/jobs/worker'
import type { WechatMessenger } from '../../shared/wechat/client'
import { jobKind } from './message-jobs'
import { classPage, messageData } from './messages'
import { findMessageContext, type MessageContext } from './sign-up-repository'

/** Why a message is no longer wanted when its job runs; null: send it. */
function staleReason(kind: ClassMessageKind, c: MessageContext, now = Date.now()): string | null {
  switch (kind) {
    case 'sign_up_confirmed':
    case 'promoted':
      return c.signUpStatus === 'confirmed' ? null : `sign-up is ${c.signUpStatus}`
    case 'reminder':
      if (c.classStatus !== 'scheduled') return 'class cancelled'
      if (Date.parse(c.startsAt) <= now) return 'class has started'
      return c.signUpStatus === 'confirmed' ? null : `sign-up is ${c.signUpStatus}`
    case 'class_cancelled':
      return c.signUpStatus === 'class_cancelled' ? null : `sign-up is ${c.signUpStatus}`
  }
}

/**
 * The WeChat messages of sign-ups, one job kind per message kind. A message goes only to a parent with a WeChat
 * openid who accepted that kind, with a template configured; otherwise the job ends as skipped (H5 parents see the
 * state in 我的报名). WeChat refusing for good (no subscription left) also ends it; anything else is retried.
 */
export function classJobHandlers(app: FastifyInstance, messenger: WechatMessenger = app.wechat): JobHandlers {
  const handler =
    (kind: ClassMessageKind): JobHandler =>
    async (job) => {
      const context = await findMessageContext(app.database.db, String(job.payload.signUpId))
      if (!context) return { skipped: 'sign-up no longer exists' }
      if (!context.subscribed.includes(kind)) return { skipped: 'parent did not subscribe' }
      const templateId = app.settings.classes.messageTemplates[kind]
      if (!templateId) return { skipped: 'no template configured' }
      if (!context.openid) return { skipped: 'parent has no WeChat openid' }
      const stale = staleReason(kind, context)
      if (stale) return { skipped: stale }
      const outcome = await messenger.send({
        touser: context.openid,
        templateId,
        page: classPage(context.classId),
        data: messageData(kind, context),
        miniprogramState: app.settings.classes.miniprogramState,
      })
      if (outcome.sent) return
      if (outcome.permanent) return { skipped: `WeChat refused: ${outcome.error}` }
      throw new Error(outcome.error)
    }
  return Object.fromEntries(CLASS_MESSAGE_KINDS.map((kind) => [jobKind(kind), handler(kind)]))
}

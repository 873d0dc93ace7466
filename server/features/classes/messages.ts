import type { ClassMessageKind } from '../../../types/classes'
import { thing, time } from '../../shared/wechat/message-values'
import type { MessageContext } from './sign-up-repository'

/** The mini-program page a message opens: the class detail. */
export const classPage = (classId: string) => `pages/class/index?id=${classId}`

const placeOf = (c: MessageContext) => (c.mode === 'online' ? `线上：${c.venue}` : c.venue)

/**
 * The one place that maps a class message to its template's keys. The templates chosen in the WeChat admin console
 * (公共模板库) must have these keys: thing1 课程名称, time2 上课时间, thing3 上课地点 (取消原因 when cancelled), thing4 温馨提示.
 */
export function messageData(kind: ClassMessageKind, c: MessageContext): Record<string, { value: string }> {
  const common = { thing1: thing(c.title), time2: time(c.startsAt) }
  switch (kind) {
    case 'sign_up_confirmed':
      return { ...common, thing3: thing(placeOf(c)), thing4: thing('报名成功，请准时参加') }
    case 'promoted':
      return { ...common, thing3: thing(placeOf(c)), thing4: thing('候补成功，已为您保留席位') }
    case 'reminder':
      return { ...common, thing3: thing(placeOf(c)), thing4: thing('课堂即将开始，请准时参加') }
    case 'class_cancelled':
      return { ...common, thing3: thing(c.cancelReason ?? '中心取消'), thing4: thing(`咨询电话${c.centrePhone}`) }
  }
}

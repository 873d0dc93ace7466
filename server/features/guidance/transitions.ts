import type { GuidanceStatus } from '../../../types/guidance'
import { notFound } from '../../shared/http-errors'
import { defineStateMachine } from '../../shared/state-machine'

export type GuidanceAction = 'schedule' | 'decline' | 'complete' | 'cancel'

/** Still waiting for the centre or for the visit: counts towards a parent's limit of open requests. */
export const OPEN_STATUSES: GuidanceStatus[] = ['requested', 'scheduled']

export const STATUS_NAMES: Record<GuidanceStatus, string> = {
  requested: '待安排',
  scheduled: '已安排',
  done: '已完成',
  declined: '已婉拒',
  cancelled: '已取消',
}

const ACTION_NAMES: Record<GuidanceAction, string> = { schedule: '安排', decline: '婉拒', complete: '完成', cancel: '取消' }

/** Unknown, another family's, or outside a centre's area: the same answer, so no one learns that a request exists. */
export const noSuchRequest = () => notFound('未找到这个入户指导申请 (guidance request not found)')

/** requested → scheduled | declined | cancelled; scheduled → scheduled (rescheduled) | done | cancelled | declined. */
export const guidanceRequests = defineStateMachine<GuidanceStatus, GuidanceAction>({
  moves: {
    schedule: { from: ['requested', 'scheduled'], to: 'scheduled' },
    decline: { from: ['requested', 'scheduled'], to: 'declined' },
    complete: { from: ['scheduled'], to: 'done' },
    cancel: { from: ['requested', 'scheduled'], to: 'cancelled' },
  },
  refusal: ({ action, current, allowed }) =>
    `该入户指导申请当前为「${STATUS_NAMES[current]}」，不能${ACTION_NAMES[action]}；仅限${allowed.map((s) => STATUS_NAMES[s]).join('、')}的申请 (cannot ${action} a request that is ${current})`,
  changedMeanwhile: '该申请刚被他人更改，请刷新后重试 (the request changed meanwhile; reload and retry)',
  gone: noSuchRequest,
})

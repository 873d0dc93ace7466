import type { ComplaintStatus } from '../../../types/complaints'
import { notFound } from '../../shared/http-errors'
import { defineStateMachine } from '../../shared/state-machine'

export type RegulatorAction = 'accept' | 'reject' | 'assign' | 'progress' | 'reply' | 'close'

export const STATUS_NAMES: Record<ComplaintStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  assigned: '已派单',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
}

const ACTION_NAMES: Record<RegulatorAction, string> = {
  accept: '受理',
  reject: '不予受理',
  assign: '派单',
  progress: '开始办理',
  reply: '答复',
  close: '办结',
}

/** The handling loop: 受理 → 派单 → 办理 → 答复 → 办结, or 不予受理 straight after filing. */
export const complaintHandling = defineStateMachine<ComplaintStatus, RegulatorAction>({
  moves: {
    accept: { from: ['submitted'], to: 'accepted' },
    reject: { from: ['submitted'], to: 'rejected' },
    assign: { from: ['accepted', 'assigned', 'in_progress'], to: 'assigned' },
    progress: { from: ['assigned'], to: 'in_progress' },
    reply: { from: ['accepted', 'assigned', 'in_progress'], to: 'replied' },
    close: { from: ['replied'], to: 'closed' },
  },
  refusal: ({ action, current, allowed }) =>
    `投诉当前为「${STATUS_NAMES[current]}」，不能${ACTION_NAMES[action]}；仅限${allowed.map((s) => STATUS_NAMES[s]).join('、')}状态 (cannot ${action} a complaint that is ${current})`,
  changedMeanwhile: '投诉状态刚被他人更改，请刷新后重试 (the complaint changed meanwhile; reload and retry)',
  gone: () => notFound('未找到该投诉 (complaint not found)'),
})

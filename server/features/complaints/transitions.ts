import type { ComplaintStatus } from '../../../types/complaints'
import { conflict } from '../../shared/http-errors'

export type RegulatorAction = 'accept' | 'reject' | 'assign' | 'progress' | 'reply' | 'close'

/** The handling loop: 受理 → 派单 → 办理 → 答复 → 办结, or 不予受理 straight after filing. */
export const TRANSITIONS: Record<RegulatorAction, { from: ComplaintStatus[]; to: ComplaintStatus }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  assign: { from: ['accepted', 'assigned', 'in_progress'], to: 'assigned' },
  progress: { from: ['assigned'], to: 'in_progress' },
  reply: { from: ['accepted', 'assigned', 'in_progress'], to: 'replied' },
  close: { from: ['replied'], to: 'closed' },
}

export const STATUS_NAMES: Record<ComplaintStatus, string> = {
  submitted: '已提交', accepted: '已受理', assigned: '已派单', in_progress: '办理中', replied: '已答复', closed: '已办结', rejected: '不予受理',
}

const ACTION_NAMES: Record<RegulatorAction, string> = {
  accept: '受理', reject: '不予受理', assign: '派单', progress: '开始办理', reply: '答复', close: '办结',
}

/** The status the action moves to; 409 when the complaint's current status does not allow it. */
export function nextStatus(action: RegulatorAction, current: string): ComplaintStatus {
  const { from, to } = TRANSITIONS[action]
  if (!from.includes(current as ComplaintStatus)) {
    const allowed = from.map((s) => STATUS_NAMES[s]).join('、')
    throw conflict(`投诉当前为「${STATUS_NAMES[current as ComplaintStatus] ?? current}」，不能${ACTION_NAMES[action]}；仅限${allowed}状态 (cannot ${action} a complaint that is ${current})`)
  }
  return to
}

export const changedMeanwhile = () => conflict('投诉状态刚被他人更改，请刷新后重试 (the complaint changed meanwhile; reload and retry)')

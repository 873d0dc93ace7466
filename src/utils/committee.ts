import type { CommitteeStatus } from '../../types/institutions'
import { t } from '../i18n'
import { chinaTime, formatMonth } from './time'

/** "11月20日" this year, "2025年11月20日" before: when the committee last posted, in China time. */
function noticeDate(value: string, now: Date): string {
  const at = chinaTime(value)
  return at.format(at.year() === chinaTime(now).year() ? t('time.monthDay') : t('time.date'))
}

/**
 * The parent committee in one line, the same on every screen: "已成立（2022年3月） · 3 名成员在本应用 · 最近公告 11月20日".
 * Established is the registry's date alone: few members using the app never makes a committee "not established".
 */
export function formatCommittee(committee: CommitteeStatus, now: Date = new Date()): string {
  const { establishedOn, membersInApp, lastNoticeAt } = committee
  const members = membersInApp > 0 ? t('detail.committeeMembersInApp', { count: membersInApp }) : null
  const lastNotice = lastNoticeAt ? t('detail.committeeLastNotice', { date: noticeDate(lastNoticeAt, now) }) : null
  // Not registered: only what exists is added, so the line does not read as a list of absences.
  if (!establishedOn) return [t('detail.committeeNotRegistered'), members, lastNotice].filter(Boolean).join(' · ')
  return [
    t('detail.committeeEstablished', { month: formatMonth(establishedOn.slice(0, 7)) }),
    members ?? t('detail.committeeNoMembersInApp'),
    lastNotice ?? t('detail.committeeNoNotice'),
  ].join(' · ')
}

import { formatCommittee } from './committee'

const now = new Date('2026-12-01T04:00:00.000Z')

describe('formatCommittee', () => {
  it('says established with the registry date however few members use the app', () => {
    expect(formatCommittee({ establishedOn: '2022-03-15', membersInApp: 1, lastNoticeAt: '2026-11-20T02:00:00.000Z' }, now)).toBe(
      '已成立（2022年3月） · 1 名成员在本应用 · 最近公告 11月20日',
    )
    expect(formatCommittee({ establishedOn: '2024-01-01', membersInApp: 0, lastNoticeAt: null }, now)).toBe('已成立（2024年1月） · 本应用内暂无成员 · 暂无公告')
  })

  it('says not registered when the registry has no date, adding only what exists', () => {
    expect(formatCommittee({ establishedOn: null, membersInApp: 0, lastNoticeAt: null }, now)).toBe('未登记成立家长委员会')
    expect(formatCommittee({ establishedOn: null, membersInApp: 2, lastNoticeAt: '2025-11-20T02:00:00.000Z' }, now)).toBe(
      '未登记成立家长委员会 · 2 名成员在本应用 · 最近公告 2025年11月20日',
    )
  })
})

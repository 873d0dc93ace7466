import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ParentingClassDetail, SignUp } from '../../../types/classes'
import { chinaAt, classFixture, signUpFixture } from '../../../mock/fixtures/app/classes'
import { answer } from '../../../test/support/answers'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import { uuidOf } from '../../../test/support/windowed-list'
import { firePullDownRefresh } from '../../../test/stubs/taro'
import MePage from '../../pages/me'
import SignUpsPage from '../../pages/sign-ups'

const HOUR = 3600 * 1000
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString()
let made = 0
/** A sign-up of the parent for a class made from `patch`. */
function signedUp(patch: Partial<ParentingClassDetail>, status: SignUp['status'] = 'confirmed', extra: Partial<SignUp> = {}): SignUp {
  made += 1
  const item = classFixture({ id: uuidOf(made, 'c1a55'), ...patch })
  return signUpFixture(item, { id: uuidOf(made, '5a9e'), status, ...extra })
}
const rowsIn = (testId: string) =>
  within(screen.getByTestId(testId))
    .queryAllByTestId('sign-up-row')
    .map((row) => row.textContent ?? '')

describe('我的报名', () => {
  it('splits upcoming (status, waiting position, time) from past (how each ended, with the reason)', async () => {
    signedInParent()
    const now = new Date()
    answer('get', '/sign-ups', {
      upcoming: [
        signedUp({ title: '辅食添加课', startsAt: chinaAt(now, 1, '14:00') }),
        signedUp({ title: '急救课', startsAt: chinaAt(now, 2, '19:00'), capacity: 10, confirmedCount: 10, seatsLeft: 0, waitingCount: 3 }, 'waiting', {
          waitingPosition: 3,
        }),
      ],
      past: [
        signedUp({ title: '被取消的讲座', startsAt: chinaAt(now, 3, '10:00'), status: 'cancelled', cancelReason: '场地维修，改期另行通知' }, 'class_cancelled'),
        signedUp({ title: '上周的亲子游戏', startsAt: ago(7 * 24), endsAt: ago(7 * 24 - 1), cancellableUntil: ago(7 * 24 + 2) }, 'attended'),
      ],
    })
    render(<SignUpsPage />)

    await screen.findByText('辅食添加课')
    const upcoming = rowsIn('upcoming')
    expect(upcoming).toHaveLength(2)
    expect(upcoming[0]).toMatch(/辅食添加课已报名明天 14:00/)
    expect(upcoming[1]).toMatch(/急救课候补第 3 位/)
    expect(within(screen.getByTestId('upcoming')).getAllByText('取消报名')).toHaveLength(2)

    const past = rowsIn('past')
    expect(past).toHaveLength(2)
    expect(past.find((row) => row.includes('被取消的讲座'))).toMatch(/活动已取消.*本场已取消：场地维修，改期另行通知/)
    expect(past.find((row) => row.includes('上周的亲子游戏'))).toContain('已参加')
    expect(within(screen.getByTestId('past')).queryByText('取消报名')).toBeNull()
  })

  it('cancels from the list after a confirm dialog; the sign-up moves to the past', async () => {
    signedInParent()
    const requests = recordRequests()
    const mine = signedUp({ title: '辅食添加课' })
    const cancelled = { ...mine, status: 'cancelled' as const, cancelledAt: new Date().toISOString() }
    answer('get', '/sign-ups', { upcoming: [mine], past: [] }, { upcoming: [], past: [cancelled] })
    answer('post', '/sign-ups/:id/cancel', cancelled)
    render(<SignUpsPage />)

    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByText('取消报名'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/sign-ups'))).toHaveLength(0)

    fireEvent.click(screen.getByText('取消报名'))
    await waitFor(() => expect(rowsIn('past')).toHaveLength(1))
    expect(rowsIn('past')[0]).toContain('已取消')
    expect(screen.getByText('暂无即将参加的课堂')).toBeTruthy()
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/sign-ups')).map((r) => r.path)).toEqual([`/sign-ups/${mine.id}/cancel`])
  })

  it('does not offer cancelling a confirmed seat after the cut-off', async () => {
    signedInParent()
    answer('get', '/sign-ups', {
      upcoming: [signedUp({ title: '马上开始的课', startsAt: new Date(Date.now() + HOUR).toISOString(), cancellableUntil: ago(1) })],
      past: [],
    })
    render(<SignUpsPage />)
    await screen.findByText('马上开始的课')
    expect(screen.queryByText('取消报名')).toBeNull()
  })

  it('refreshes on pull-down, and opens a class from its row', async () => {
    signedInParent()
    const fresh = signedUp({ title: '新报名的课' })
    answer('get', '/sign-ups', { upcoming: [], past: [] }, { upcoming: [fresh], past: [] })
    render(<SignUpsPage />)
    expect(await screen.findByText('还没有报名')).toBeTruthy()

    await act(async () => firePullDownRefresh())
    fireEvent.click(await screen.findByText('新报名的课'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/class/index?id=${fresh.class.id}` })
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
  })

  it('is reached from 我的, next to 入户指导', async () => {
    signedInParent()
    render(<MePage />)
    fireEvent.click(await screen.findByText('我的报名'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/sign-ups/index' })
    fireEvent.click(screen.getByText('入户指导'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/guidance/index' })
  })
})

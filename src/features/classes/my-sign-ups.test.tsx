import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { chinaAt } from '../../../mock/fixtures/app/classes'
import { classesMock } from '../../../mock/handlers/classes'
import { signedInParent } from '../../../test/support/app-session'
import { firePullDownRefresh } from '../../../test/stubs/taro'
import MePage from '../../pages/me'
import SignUpsPage from '../../pages/sign-ups'

afterEach(() => classesMock.reset())

const HOUR = 3600 * 1000
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString()
const rowsIn = (testId: string) => within(screen.getByTestId(testId)).queryAllByTestId('sign-up-row').map((row) => row.textContent ?? '')

describe('我的报名', () => {
  it('splits upcoming (status, waiting position, time) from past (how each ended, with the reason)', async () => {
    const { user } = signedInParent()
    const now = new Date()
    const confirmed = classesMock.add({ title: '辅食添加课', startsAt: chinaAt(now, 1, '14:00') })
    const waiting = classesMock.add({ title: '急救课', startsAt: chinaAt(now, 2, '19:00'), capacity: 10, othersConfirmed: 10, othersWaiting: 2 })
    const attended = classesMock.add({ title: '上周的亲子游戏', startsAt: ago(7 * 24), endsAt: ago(7 * 24 - 1), cancellableUntil: ago(7 * 24 + 2) })
    const cancelledByCentre = classesMock.add({ title: '被取消的讲座', startsAt: chinaAt(now, 3, '10:00'), status: 'cancelled', cancelReason: '场地维修，改期另行通知' })
    classesMock.addSignUp(user.id, confirmed.id, 'confirmed')
    classesMock.addSignUp(user.id, waiting.id, 'waiting')
    classesMock.addSignUp(user.id, attended.id, 'attended')
    classesMock.addSignUp(user.id, cancelledByCentre.id, 'class_cancelled')
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
    const { user } = signedInParent()
    const item = classesMock.add({ title: '辅食添加课' })
    classesMock.addSignUp(user.id, item.id, 'confirmed')
    render(<SignUpsPage />)

    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await screen.findByText('取消报名'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(classesMock.signUps()[0].status).toBe('confirmed')

    fireEvent.click(screen.getByText('取消报名'))
    await waitFor(() => expect(rowsIn('past')).toHaveLength(1))
    expect(rowsIn('past')[0]).toContain('已取消')
    expect(screen.getByText('暂无即将参加的课堂')).toBeTruthy()
    expect(classesMock.signUps()[0].status).toBe('cancelled')
  })

  it('does not offer cancelling a confirmed seat after the cut-off', async () => {
    const { user } = signedInParent()
    const item = classesMock.add({ title: '马上开始的课', startsAt: new Date(Date.now() + HOUR).toISOString(), cancellableUntil: ago(1) })
    classesMock.addSignUp(user.id, item.id, 'confirmed')
    render(<SignUpsPage />)
    await screen.findByText('马上开始的课')
    expect(screen.queryByText('取消报名')).toBeNull()
  })

  it('refreshes on pull-down, and opens a class from its row', async () => {
    const { user } = signedInParent()
    render(<SignUpsPage />)
    expect(await screen.findByText('还没有报名')).toBeTruthy()

    const item = classesMock.add({ title: '新报名的课' })
    classesMock.addSignUp(user.id, item.id, 'confirmed')
    await act(async () => firePullDownRefresh())
    fireEvent.click(await screen.findByText('新报名的课'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/class/index?id=${item.id}` })
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

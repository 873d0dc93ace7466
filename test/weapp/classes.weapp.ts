import dayjs from 'dayjs'
import { agreeToPrivacyPrompt, bff, launch, signInWithWechat } from './support'

type ClassItem = { id: string; title: string; startsAt: string; cancellableUntil: string; seatsLeft: number; mode: string }

/** A class on the 课堂 tab's first page (nearest first) that can still be cancelled, with seats left, and a title no other class there has. */
async function openClass(): Promise<ClassItem> {
  const { items } = await bff().api<{ items: ClassItem[] }>('/api/classes?lat=43.8868&lng=125.3245&page=1&pageSize=10')
  const unique = (c: ClassItem) => items.filter((other) => other.title === c.title).length === 1
  const item = items.find((c) => unique(c) && c.seatsLeft > 2 && dayjs(c.cancellableUntil).isAfter(dayjs().add(1, 'hour')))
  if (!item) throw new Error('no demo class with seats that can still be cancelled')
  return item
}

it('a parent signs up for a class (subscription prompt from the tap), adds it to the phone calendar, and cancels', async () => {
  const item = await openClass()
  const mp = await launch()
  await agreeToPrivacyPrompt(mp) // the finder asks for the location first
  await signInWithWechat(mp)
  await mp.tapTab('课堂')
  await mp.waitForText(item.title)
  await mp.tap(item.title)
  expect(mp.currentRoute).toBe('pages/class/index')
  await mp.tap('立即报名')
  await mp.waitForText('已报名')
  // WeChat offered the class messages from inside the tap: at most three kinds in one prompt.
  expect(mp.record.subscriptionPrompts).toHaveLength(1)
  expect(mp.record.subscriptionPrompts[0].length).toBeLessThanOrEqual(3)

  await mp.tap('添加到日历')
  await mp.waitForText('已添加到日历')
  expect(mp.record.calendar).toEqual([expect.objectContaining({ title: item.title, startTime: dayjs(item.startsAt).unix() })])

  await mp.tap('取消报名')
  await mp.tap('确定') // WeChat's confirm dialog
  await mp.waitForText('立即报名')
  await mp.tapTab('我的')
  await mp.tap('我的报名')
  await mp.waitForText('已取消')
  expect(mp.text()).toContain(item.title)
})

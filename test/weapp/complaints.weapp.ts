import { bff, launch, photo, regulatorToken, reopen } from './support'

type Institution = { id: string; name: string }

it('a parent opens an institution from a shared card, files a complaint with a photo (privacy prompt on that page), and follows it', async () => {
  const { api } = bff()
  const {
    items: [institution],
  } = await api<{ items: Institution[] }>('/api/institutions?region=220100&sort=grade&pageSize=1')
  const mp = await launch({ path: `pages/institution/index?id=${institution.id}`, person: { album: [await photo()] } })
  await mp.waitForText(institution.name)
  await mp.tap('投诉该机构')
  await mp.waitForText(institution.name)
  await mp.tap('收费与退费')
  await mp.fill('请描述发生了什么', '入托时收取的押金至今未退，机构负责人不接电话。')
  await mp.fill('发生时间（如 2026-11-20 14:30）', '2026-11-20 09:30')
  await mp.tap('＋添加照片')
  // The first privacy API of this launch, on a page that is not a tab: the prompt must show here.
  expect(mp.privacyPromptShown()).toBe(true)
  await mp.tap('同意', { within: mp.layerOnTop() })
  await mp.waitUntil(
    () => mp.requests.some((r) => r.url.endsWith('/api/complaints/photos') && r.status === 201),
    10_000,
    () => 'the photo was not uploaded.',
  )
  await mp.tap('提交')
  await mp.waitForText('投诉已提交')
  // The status the BFF answered; nothing is forwarded before the complaint is accepted.
  expect(mp.has('当前状态已提交')).toBe(true)
  expect(mp.text()).not.toContain('已转交')
  const trackingNumber = /TS\d{8}[A-Z0-9]{6}/.exec(mp.text())![0]
  await mp.tap('一键复制（两项）')
  const copied = mp.record.clipboard.at(-1)!
  const secret = /查询码：(\S+)/.exec(copied)![1]
  expect(copied).toContain(trackingNumber)

  // The regulator accepts it; the parent comes back later with the number and code they saved.
  const regulator = regulatorToken()
  await api(`/api/admin/complaints/${trackingNumber}/accept`, { method: 'POST', token: regulator })
  const later = await reopen(mp)
  await later.tapTab('投诉')
  await later.tap('查询进度')
  await later.fill('查询编号', trackingNumber)
  await later.fill('查询码', secret)
  await later.tap('查询')
  await later.waitForText('已受理')
  expect(later.text()).toContain('入托时收取的押金至今未退')
  const view = await api<{ photos: unknown[] }>(`/api/complaints/track`, { method: 'POST', body: { trackingNumber, secret } })
  expect(view.photos).toHaveLength(1)
})

it('a parent opens 我要投诉 from the tab, finds the institution by name inside the form, and files against it', async () => {
  const { api } = bff()
  const {
    items: [institution],
  } = await api<{ items: Institution[] }>('/api/institutions?region=220100&sort=grade&pageSize=1')
  const mp = await launch({ path: 'pages/complaints/index' })
  await mp.tap('我要投诉')
  await mp.fill('搜索已收录的机构名称', institution.name.slice(2))
  await mp.waitForText(institution.name)
  await mp.tap(institution.name)
  await mp.tap('收费与退费')
  await mp.fill('请描述发生了什么', '入托时收取的押金至今未退，机构负责人不接电话。')
  await mp.fill('发生时间（如 2026-11-20 14:30）', '2026-11-20 09:30')
  await mp.tap('提交')
  await mp.waitForText('投诉已提交')
  expect(mp.has('当前状态已提交')).toBe(true)
  expect(mp.text()).not.toContain('已转交')
  const trackingNumber = /TS\d{8}[A-Z0-9]{6}/.exec(mp.text())![0]
  // The clipboard is this launch's first privacy API: agreed to on the filed screen.
  await mp.tap('一键复制（两项）')
  expect(mp.privacyPromptShown()).toBe(true)
  await mp.tap('同意', { within: mp.layerOnTop() })
  await mp.waitUntil(
    () => mp.record.clipboard.length > 0,
    5_000,
    () => 'nothing was copied.',
  )
  const secret = /查询码：(\S+)/.exec(mp.record.clipboard.at(-1)!)![1]
  const view = await api<{ institution: Institution | null }>(`/api/complaints/track`, { method: 'POST', body: { trackingNumber, secret } })
  expect(view.institution?.id).toBe(institution.id)
})

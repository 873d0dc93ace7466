import { bff, launch, regulatorToken, reopen, signInWithWechat } from './support'

type Institution = { id: string; name: string }

async function nearestInstitution(): Promise<Institution> {
  const { items } = await bff().api<{ items: Institution[] }>('/api/institutions?lat=43.8868&lng=125.3245&sort=distance&pageSize=1')
  return items[0]
}

it('a parent signs in with WeChat and keeps a child: added after the guardian consent, renamed, deleted', async () => {
  const mp = await launch()
  await signInWithWechat(mp)
  // Agreed before signing in and recorded by the BFF: 我的 does not ask again.
  await mp.waitUntil(
    () => mp.requests.some((r) => r.method === 'GET' && r.url.endsWith('/api/me') && r.status === 200),
    10_000,
    () => '我的 did not load the account.',
  )
  await mp.waitForText('添加孩子')
  expect(mp.has('请阅读并同意《隐私政策》')).toBe(false)
  await mp.tap('添加孩子')
  await mp.fill('小名', '豆豆')
  await mp.fill('出生年月（如 2025-09）', '2025-03')
  await mp.tap('保存')
  await mp.tap('同意并继续') // the guardian's separate consent for a child's data
  await mp.waitForText('豆豆')
  expect(mp.currentRoute).toBe('pages/me/index')

  await mp.tap('豆豆')
  await mp.fill('小名', '豆豆宝')
  await mp.tap('保存')
  await mp.waitForText('豆豆宝')
  expect(mp.currentRoute).toBe('pages/me/index')

  await mp.tap('豆豆宝')
  await mp.tap('删除')
  await mp.tap('删除') // the confirmation sheet
  await mp.waitUntil(
    () => !mp.has('豆豆宝'),
    10_000,
    () => 'the child is still listed.',
  )
  expect(mp.text()).toContain('添加孩子')
})

it('a parent saves an institution from its card, finds it in 我的收藏 on another launch, and removes it', async () => {
  const institution = await nearestInstitution()
  const mp = await launch()
  await signInWithWechat(mp)
  await mp.tapTab('找托育')
  await mp.waitForText(institution.name)
  await mp.tap('♡ 收藏', { within: mp.region(institution.name, 'institution-card') })
  await mp.waitForText('♥ 已收藏')

  // Reopened on the same phone: the favourite comes back from the account.
  const again = await reopen(mp)
  await again.tapTab('我的')
  await again.tap('我的收藏')
  await again.waitForText(institution.name)
  await again.tap('取消收藏', { within: again.region(institution.name, 'card') })
  await again.waitUntil(
    () => !again.has(institution.name),
    10_000,
    () => 'the institution is still in 我的收藏.',
  )
})

it('a parent links to their child’s institution with an invitation code and unlinks it', async () => {
  const { api } = bff()
  const institution = await nearestInstitution()
  const regulator = regulatorToken()
  const { code } = await api<{ code: string }>(`/api/institutions/${institution.id}/invitations`, { method: 'POST', body: {}, token: regulator })

  const mp = await launch()
  await signInWithWechat(mp)
  await mp.tap('我关注的机构')
  await mp.fill('8位邀请码', code)
  await mp.tap('关注')
  await mp.waitForText(institution.name)
  await mp.tap('取消关注', { within: mp.region(institution.name, 'linked__item') })
  await mp.waitForText('还没有关注的机构')
})

it('neither WeChat button signs in until the parent ticks 我已阅读并同意《隐私政策》', async () => {
  const mp = await launch()
  await mp.tapTab('我的')
  if (mp.privacyPromptShown()) await mp.tap('同意', { within: mp.layerOnTop() })
  await mp.tap('微信一键登录')
  await mp.waitForText('请先阅读并勾选同意《隐私政策》')
  await mp.tap('微信手机号快捷登录') // no WeChat phone sheet before the box is ticked
  expect(mp.requests.filter((r) => r.url.includes('/api/auth/'))).toEqual([])
  expect(mp.has('已登录')).toBe(false)

  await signInWithWechat(mp)
  expect(mp.requests.filter((r) => r.url.endsWith('/api/me/consents')).map((r) => r.status)).toEqual([200])
})

it('a parent deletes the account: signed out, and the old session no longer works', async () => {
  const mp = await launch()
  await signInWithWechat(mp)
  const session = [...mp.storage.values()].find((value) => value.includes('accessToken'))
  expect(session).toBeDefined()
  await mp.tap('注销账号')
  await mp.tap('确认注销')
  await mp.waitForText('微信一键登录')
  const token = /"accessToken\\?":\\?"([^"\\]+)/.exec(session!)![1]
  await expect(bff().api('/api/me', { token })).rejects.toThrow(/401/)
})

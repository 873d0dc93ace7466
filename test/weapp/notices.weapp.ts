import { elements } from './harness/tree'
import { bff, launch, photo, regulatorToken, reopen } from './support'

type Institution = { id: string; name: string }

it('a committee member signs in with their WeChat phone number, posts a notice with a photo, edits it and withdraws it', async () => {
  const { api } = bff()
  const {
    items: [institution],
  } = await api<{ items: Institution[] }>('/api/institutions?region=220100&sort=grade&page=2&pageSize=1')
  const phone = '13900000041'
  const member = await launch({ person: { phoneNumber: phone, locationPrompt: 'deny', album: [await photo()] } })
  await member.tapTab('我的')
  await member.tap('同意', { within: member.layerOnTop() }) // the finder's location prompt waits on the privacy agreement
  await member.tap('我已阅读并同意') // the privacy policy, asked before signing in
  await member.tap('微信手机号快捷登录')
  await member.waitForText('已登录')

  // The 长春 regulator makes them a committee member of their child's institution.
  await api('/api/admin/roles', { method: 'POST', token: regulatorToken(), body: { phone, role: 'committee', institutionId: institution.id } })
  const mp = await reopen(member)
  await mp.tapTab('我的')
  await mp.tap('我关注的机构')
  await mp.tap(institution.name)
  await mp.tap('发布公告')
  await mp.fill('公告标题', '本周五家长开放日')
  await mp.fill('公告内容', '周五上午9点至11点开放参观，请家长凭邀请码入园。')
  await mp.tap('添加照片')
  await mp.waitUntil(
    () => mp.requests.some((r) => r.url.endsWith('/api/notices/images') && r.status === 201),
    10_000,
    () => 'the photo was not uploaded.',
  )
  await mp.tap('发布')
  await mp.waitForText('本周五家长开放日')

  // The notice shows its photo, served by the BFF.
  await mp.tap('本周五家长开放日')
  await mp.waitForText('周五上午9点至11点开放参观')
  const images = [...elements(mp.screen())].filter((element) => element.tag === 'image')
  expect(images.map((image) => String(image.attrs.src))).toEqual([expect.stringMatching(/^https:\/\/bff\.weapp\.test\/api\/notices\/images\//)])
  await mp.back()

  // The committee's own list carries 编辑 and 撤回 on each of its notices.
  await mp.tap('编辑', { within: mp.region('本周五家长开放日', 'notice-row') })
  await mp.fill('公告标题', '本周五家长开放日（改为下午）')
  await mp.tap('保存修改')
  await mp.waitForText('本周五家长开放日（改为下午）')

  await mp.tap('撤回', { within: mp.region('本周五家长开放日（改为下午）', 'notice-row') })
  await mp.tap('确定') // WeChat's confirm dialog
  await mp.waitForText('已撤回')
})

import { agreeToPrivacyPrompt, launch } from './support'

it('a parent who refused the location turns it on from 去设置 and gets the nearest institutions', async () => {
  const mp = await launch({ person: { locationPrompt: 'deny', settingsChange: { 'scope.userFuzzyLocation': true } } })
  await agreeToPrivacyPrompt(mp)
  await mp.waitForText('去设置')
  expect(mp.has('公里')).toBe(false)
  await mp.tap('去设置')
  await mp.waitForText('公里')
  expect(mp.failedCalls).toContain('getFuzzyLocation:fail auth deny')
})

it('a parent who refused the location picks their district instead', async () => {
  const mp = await launch({ person: { locationPrompt: 'deny' } })
  await agreeToPrivacyPrompt(mp)
  await mp.waitForText('去设置')
  await mp.tap('长春市')
  await mp.tap('全市')
  await mp.waitForText(/共 \d+ 家/)
  expect(mp.text()).toContain('长春市')
  // The refusal banner gives way to a quiet line naming the region, with 改用定位 (WeChat's settings, from a tap).
  expect(mp.text()).toContain('按 长春市 显示')
  expect(mp.text()).toContain('改用定位')
  expect(mp.text()).not.toContain('未获得位置授权')
})

it('the app asks WeChat for GCJ-02 coordinates, which the BFF measures distances in', async () => {
  const mp = await launch()
  await agreeToPrivacyPrompt(mp)
  await mp.waitForText('公里')
  const search = mp.requests.find((r) => r.url.includes('/api/institutions?') && r.url.includes('lat='))!
  expect(search.url).toContain(`lat=${mp.person.position.latitude}`)
  expect(search.url).toContain(`lng=${mp.person.position.longitude}`)
})

it('the first screen with the location granted costs one request: the nearest institutions, nothing before them', async () => {
  const mp = await launch()
  await agreeToPrivacyPrompt(mp)
  await mp.waitForText('公里')
  expect(mp.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['GET /api/institutions'])
})

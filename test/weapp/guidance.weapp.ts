import { launch, signInWithWechat } from './support'

it('a parent asks the community health centre for home guidance for their child, follows it and cancels it', async () => {
  const mp = await launch({ person: { locationPrompt: 'deny' } })
  await signInWithWechat(mp) // agreeing to the privacy policy on the way
  await mp.tap('添加孩子')
  await mp.fill('小名', '小满')
  await mp.fill('出生年月（如 2025-09）', '2025-08')
  await mp.tap('保存')
  await mp.tap('同意并继续')
  await mp.waitForText('小满')

  await mp.tap('入户指导')
  await mp.tap('申请入户指导')
  await mp.tap('生长发育监测')
  await mp.tap('上午')
  await mp.pick('选择市州', '长春市')
  await mp.pick('选择区县', '南关区')
  await mp.fill('小区、楼栋、单元、门牌号', '南岭小区3栋2单元401')
  await mp.fill('11位手机号', '13900000031')
  await mp.tap('提交申请')
  await mp.waitForText('已申请')
  expect(mp.currentRoute).toBe('pages/guidance/detail')
  expect(mp.text()).toContain('孩子：小满')
  expect(mp.text()).toContain('南岭小区3栋2单元401')

  await mp.tap('取消申请')
  await mp.tap('确定')
  await mp.waitForText('已取消')
})

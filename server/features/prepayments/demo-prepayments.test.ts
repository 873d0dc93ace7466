import { aRecord } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { signedInRegulator, useTestApp } from '../../../test/support/test-app'
import { seedDemoPrepayments } from './demo-prepayments'

const { app } = useTestApp()

const badgeOf = async (id: string) => (await app.inject(`/api/institutions/${id}/prepayment`)).json()

it('records demo institutions only, under a demo rule, and leaves a regulator’s rule and records alone', async () => {
  const demo = Array.from({ length: 12 }, (_, n) => aRecord({ name: `演示托育园${n}`, isDemo: true }))
  const ids = await seedRecords(app, { real: aRecord({ name: '真实托育园' }), ...Object.fromEntries(demo.map((r, n) => [`demo${n}`, r])) })
  await seedDemoPrepayments(app.database.db)

  expect(await badgeOf(ids.real)).toMatchObject({ badge: 'no_information', facts: null, rule: { isDemo: true } })
  const demoBadges = new Set(await Promise.all(demo.map(async (_, n) => (await badgeOf(ids[`demo${n}` as keyof typeof ids])).badge)))
  expect(demoBadges.size).toBeGreaterThanOrEqual(3)

  const province = await signedInRegulator(app, '220000')
  const rule = { maxMonths: 2, escrowAboveYuan: null, ruleText: '预收费不得超过2个月。', sourceDocument: '某文件', sourcePublishedOn: '2025-06-01' }
  expect((await app.inject({ method: 'PUT', url: '/api/admin/prepayment-rules/220000', headers: province.headers, payload: rule })).statusCode).toBe(200)
  expect(await seedDemoPrepayments(app.database.db)).toBe(0)
  expect((await badgeOf(ids.real)).rule).toMatchObject({ maxMonths: 2, isDemo: false })
})

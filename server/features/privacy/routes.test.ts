import { seedPrivacyPolicies } from './seed'
import { POLICY_2026_11_28 } from './policy-2026-11-28'
import { useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()

describe('GET /api/privacy-policy', () => {
  it('serves the current policy as readable Chinese text', async () => {
    const response = await app.inject('/api/privacy-policy')
    expect(response.statusCode).toBe(200)
    const policy = response.json()
    expect(policy).toMatchObject({ version: '2026-11-28', title: '吉林托育个人信息保护政策', publishedAt: '2026-11-27T16:00:00.000Z' })
    for (const promise of [
      '手机号',
      'openid',
      '昵称',
      '出生年月',
      '单独同意',
      '敏感个人信息',
      '不保存您的位置',
      '导出',
      '注销',
      '投诉',
      '吉林省卫生健康委员会',
      '示例',
    ]) {
      expect(policy.body).toContain(promise)
    }
    expect(policy.body).toContain('\n\n')
  })

  it('seeds idempotently and never rewrites a published version', async () => {
    await testDb.database.db.updateTable('privacyPolicies').set({ title: '已发布的标题' }).where('version', '=', '2026-11-28').execute()
    await seedPrivacyPolicies(testDb.database.db)
    const rows = await testDb.database.db.selectFrom('privacyPolicies').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0].title).toBe('已发布的标题')
    await testDb.database.db.updateTable('privacyPolicies').set({ title: POLICY_2026_11_28.title }).where('version', '=', '2026-11-28').execute()
  })

  it('serves a named version, 404 for an unknown one and 400 for a malformed one', async () => {
    expect((await app.inject('/api/privacy-policy/2026-11-28')).json().version).toBe('2026-11-28')
    const missing = await app.inject('/api/privacy-policy/2020-01-01')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().message).toContain('2020-01-01')
    const malformed = await app.inject('/api/privacy-policy/%E4%B8%AD')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('version')
  })

  it('makes the newest published version current; older ones stay readable', async () => {
    await testDb.database.db
      .insertInto('privacyPolicies')
      .values({ version: '2027-01-01', publishedAt: '2027-01-01T00:00:00+08:00', title: '吉林托育个人信息保护政策', body: '新版本' })
      .execute()
    expect((await app.inject('/api/privacy-policy')).json().version).toBe('2027-01-01')
    expect((await app.inject('/api/privacy-policy/2026-11-28')).json().body).toBe(POLICY_2026_11_28.body)
  })
})

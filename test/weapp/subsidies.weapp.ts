import type { SubsidyEstimate, SubsidyProgrammeInput, SubsidyProgrammeList } from '../../types/subsidies'
import { agreeToPrivacyPrompt, bff, launch, regulatorToken, signInWithWechat } from './support'

/** The month `monthsAgo` months before this one, China time ('YYYY-MM'). */
function chinaMonth(monthsAgo = 0): string {
  const now = new Date(Date.now() + 8 * 3_600_000)
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1))
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`
}

/**
 * The national rule (seeded by the migration): 300 元 a month from 2025-01, from the birth month until the month the
 * child turns 3 (not paid). A 14-month-old born after 2024-12 has 36 − 14 = 22 months left, this month included.
 */
const BIRTH_MONTH = chinaMonth(14)
const MONTHS_LEFT = 36 - 14
const LEFT_YUAN = MONTHS_LEFT * 300
/** Yuan as the page writes them, thousands marked: 6600 → "6,600元". */
const yuan = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`

async function national() {
  const { items } = await bff().api<SubsidyProgrammeList>('/api/subsidies/programmes')
  const programme = items.find((p) => p.level === 'national')
  if (!programme) throw new Error(`no national programme: ${JSON.stringify(items.map((p) => p.name))}`)
  return programme
}

it('a parent without an account enters a birth month (kept on the phone), sees the subsidy and copies where to apply', async () => {
  const programme = await national()
  // What the BFF adds up for that birth month, every programme together (only the national one unless a regulator added more).
  const expected = await bff().api<SubsidyEstimate>(`/api/subsidies/estimate?birthMonth=${BIRTH_MONTH}`)
  const mp = await launch({ path: 'pages/me/index', person: { locationPrompt: 'deny' } })
  await mp.tap('育儿补贴')
  expect(mp.currentRoute).toBe('pages/subsidies/index')
  await mp.waitForText(programme.name)

  await mp.fill('出生年月（如 2025-09）', BIRTH_MONTH)
  await mp.tap('查看补贴')
  await mp.waitForText('本月可领')
  const text = mp.text()
  // The national programme by its rule; the totals as the BFF adds them up (at least the national figures).
  expect(text).toContain(`还可领取 ${MONTHS_LEFT} 个月，共 ${yuan(LEFT_YUAN)}`)
  expect(expected.thisMonthYuan).toBeGreaterThanOrEqual(300)
  expect(expected.leftYuan).toBeGreaterThanOrEqual(LEFT_YUAN)
  expect(text).toContain(`本月可领${yuan(expected.thisMonthYuan)}`)
  expect(text).toContain(`还可领取（含本月）${yuan(expected.leftYuan)}`)
  expect(text).toContain('领取中')
  expect(text).toContain('估算依据')
  expect(text).toContain(`来源：${programme.sourceDocument}`)
  // The birth month went to the BFF as the estimate's query only, and stays on the phone.
  const sent = mp.requests.filter((r) => r.url.includes('/api/subsidies/estimate'))
  expect(sent.length).toBeGreaterThan(0)
  expect(sent.every((r) => r.url.includes(`birthMonth=${BIRTH_MONTH}`) && r.method === 'GET')).toBe(true)
  expect(mp.requests.some((r) => r.method !== 'GET' && r.url.includes('subsid'))).toBe(false)
  const kept = JSON.parse(mp.storage.get('jilin-tuoyu/subsidy-birth-month') ?? '""') as string // wx storage holds the value as JSON
  expect(JSON.parse(kept)).toMatchObject({ state: { birthMonth: BIRTH_MONTH } })

  // WeChat cannot open a web page: the official address is copied (the clipboard asks for the privacy agreement first).
  if (programme.officialUrl && !programme.miniProgramAppId) {
    await mp.tap('复制申领网址', { within: mp.region(programme.name, 'subsidy-card') })
    await agreeToPrivacyPrompt(mp)
    await mp.waitUntil(
      () => mp.record.clipboard.includes(programme.officialUrl!),
      5_000,
      () => `the official address was not copied: ${JSON.stringify(mp.record.clipboard)}`,
    )
    await mp.waitForText('网址已复制，请在浏览器中打开')
  }
})

it('a signed-in parent sees the subsidy of the child they saved, and a 市州 programme opens its own mini-program', async () => {
  // The 长春 regulator adds a 市州 programme applied for in another mini-program.
  const name = `长春托育补贴测试${Date.now() % 100_000}`
  const input: SubsidyProgrammeInput = {
    name,
    level: 'city',
    cityCode: '220100',
    amountPerMonthYuan: 100,
    fromMonth: '2025-01',
    toMonth: null,
    ageFromMonths: 0,
    ageToMonths: 36,
    eligibility: '户籍在长春市的3周岁以下婴幼儿（测试数据）',
    documents: ['户口簿'],
    howToApply: '在长春市的申领小程序中填写（测试数据）',
    paymentNote: '按年发放',
    officialUrl: null,
    miniProgramAppId: 'wx0123456789abcdef',
    miniProgramPath: 'pages/apply/index',
    renewYearly: true,
    sourceDocument: '测试文件',
    sourcePublishedOn: '2025-01-01',
    checkedOn: '2026-11-30',
  }
  await bff().api('/api/admin/subsidies/programmes', { method: 'POST', token: regulatorToken(), body: input })

  const mp = await launch({ person: { locationPrompt: 'deny' } })
  await agreeToPrivacyPrompt(mp)
  // Refused the location: the parent picks 长春市, the 市州 the subsidies are then worked out for.
  await mp.waitForText('去设置')
  await mp.tap('长春市')
  await mp.tap('全市')
  await mp.waitForText(/共 \d+ 家/)
  await signInWithWechat(mp)
  await mp.tap('添加孩子')
  await mp.fill('小名', '小禾')
  await mp.fill('出生年月（如 2025-09）', BIRTH_MONTH)
  await mp.tap('保存')
  await mp.tap('同意并继续')
  await mp.waitForText('小禾')

  await mp.tap('育儿补贴')
  await mp.waitForText('小禾的补贴')
  const text = mp.text()
  expect(text).toContain('已按长春市的补贴项目计算')
  expect(text).toContain(`还可领取 ${MONTHS_LEFT} 个月，共 ${yuan(LEFT_YUAN)}`)
  expect(text).toContain(name)
  expect(text).toContain('每年需确认')
  // Nothing asks this parent for a birth month: the child's is the account's.
  expect(mp.has('查看补贴')).toBe(false)
  const asked = mp.requests.filter((r) => r.url.includes('/api/me/subsidies'))
  expect(asked.length).toBeGreaterThan(0)
  expect(asked.at(-1)!.url).toContain('cityCode=220100')

  await mp.tap('去申领', { within: mp.region(name, 'subsidy-card') })
  expect(mp.record.miniPrograms).toEqual([{ appId: 'wx0123456789abcdef', path: 'pages/apply/index' }])
})

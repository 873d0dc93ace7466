import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CSV_COLUMNS, type CsvColumn } from './csv-columns'
import { parseInstitutionsCsv } from './parse-csv'

const TODAY = '2026-11-28'
const parse = (text: string) => parseInstitutionsCsv(text, { today: TODAY })

const VALID_ROW: Record<CsvColumn, string> = {
  credit_code: '91220104MA17XK3P06',
  name: '朝阳禾苗托育中心（测试）',
  kind: 'standalone',
  ownership: 'private',
  profit: 'forprofit',
  inclusive: 'false',
  demonstration: 'false',
  registering_authority: 'market_regulation',
  filed_on: '2023-03-15',
  filing_authority: '长春市朝阳区卫生健康局',
  city_code: '220100',
  district_code: '220104',
  address: '长春市朝阳区红旗街1288号（测试）',
  lat: '43.8301',
  lng: '125.2905',
  phone: '0431-08123456',
  description: '',
  refund_policy: '',
  prepayment_terms: '',
  committee_established_on: '',
  is_demo: 'true',
  updated_at: '',
  full_day: '07:30-17:30|周一至周五|2800|month',
  half_day: '',
  hourly: '',
  temporary: '',
  classes: 'toddler|托小班|12-24|15|12|3',
  staff_management: '1',
  staff_care: '3',
  staff_health: '1',
  staff_security: '1',
  staff_logistics: '1',
  evaluations: '',
  sanctions: '',
  class_fees: '',
  fee_items: '',
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function csvOf(...rows: Array<Partial<Record<CsvColumn, string>>>): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => quote({ ...VALID_ROW, ...row }[column])).join(','))]
  return lines.join('\n') + '\n'
}

function errorsOf(row: Partial<Record<CsvColumn, string>>) {
  return parse(csvOf(row)).errors.map(({ field, reason }) => ({ field, reason }))
}

describe('parseInstitutionsCsv on a fixture with good and bad rows', () => {
  const result = parse(readFileSync(join(__dirname, 'fixtures/institutions-mixed.csv'), 'utf8'))

  it('keeps the good rows, at the line where each starts', () => {
    expect(result.records.map(({ line, record }) => [line, record.creditCode])).toEqual([
      [2, '91220104MA17XK3P06'],
      [4, '12220203123456789E'],
    ])
  })

  it('reads a quoted description with a comma and a line break', () => {
    expect(result.records[0].record.description).toBe('提供全日托, 半日托\n招收12–36个月婴幼儿')
  })

  it('reports every problem with its line, column and reason', () => {
    expect(result.errors).toEqual([
      { line: 5, field: 'credit_code', reason: '统一社会信用代码校验位错误' },
      { line: 5, field: 'kind', reason: '未知的机构类型 xyz，应为 standalone|kindergarten|employer|community|home' },
      { line: 5, field: 'lat', reason: '坐标不在吉林省境内' },
      { line: 8, field: 'district_code', reason: '区县代码 220202 不属于长春市（220100）' },
      { line: 8, field: 'classes', reason: '第1个班级：在托人数 16 超过额定人数 15' },
      { line: 8, field: 'classes', reason: '第2个班级：有10名在托儿童，保育人员数不能为0' },
      { line: 8, field: 'evaluations', reason: '第1条评价：各维度得分之和 790 与总分 800 不符' },
      { line: 8, field: 'evaluations', reason: '第1条评价：有效期至 2025-05-01 应晚于评价日期 2025-05-20' },
      { line: 10, field: 'credit_code', reason: '统一社会信用代码 91220104MA17XK3P06 与第2行重复' },
      { line: 12, field: 'inclusive', reason: '是否普惠应为 true/false/是/否/1/0，实际为 也许' },
      { line: 12, field: 'filed_on', reason: '备案日期 2027-01-01 晚于今天（2026-11-28）' },
      { line: 12, field: 'phone', reason: '联系电话只能包含数字和连字符，实际为 abc' },
      { line: 12, field: 'full_day', reason: '全日托：服务时间的开始时间应早于结束时间，实际为 17:30-07:30' },
    ])
  })

  it('maps every column of a good row into the record', () => {
    const kindergarten = result.records[1].record
    expect(kindergarten).toMatchObject({
      kind: 'kindergarten',
      ownership: 'public',
      profit: 'nonprofit',
      inclusive: true,
      isDemo: true,
      registeringAuthority: 'health',
      cityCode: '220200',
      districtCode: '220203',
      lat: 43.91,
      lng: 126.56,
      committeeEstablishedOn: null,
      updatedAt: null,
      services: [{ form: 'full_day', hours: '07:30-17:00', days: '周一至周五', fee: 1500, feeUnit: 'month' }],
      classes: [{ type: 'kindergarten', name: '托一班', minAgeMonths: 24, maxAgeMonths: 42, capacity: 20, enrolled: 18, caregivers: 3 }],
      staff: [
        { role: 'management', count: 1 },
        { role: 'care', count: 3 },
        { role: 'health', count: 1 },
        { role: 'security', count: 1 },
        { role: 'logistics', count: 1 },
      ],
      sanctions: [
        { kind: 'sanction', decidedOn: '2025-03-02', measure: '警告，责令限期整改', reason: '超过核定人数收托', department: '吉林市龙潭区卫生健康局' },
      ],
    })
    expect(kindergarten.evaluations[0]).toEqual({
      round: '2026年第一批',
      evaluatedOn: '2026-05-20',
      validUntil: '2028-05-19',
      level: 'A',
      score: 920,
      department: '吉林市卫生健康委员会',
      dimensionScores: { conditions: 140, staffing: 140, care: 185, health: 140, support: 90, safety: 135, management: 90 },
    })
    expect(result.records[0].record).toMatchObject({ inclusive: false, committeeEstablishedOn: '2023-06-01', updatedAt: '2026-10-20T09:30:00+08:00' })
  })
})

describe('parseInstitutionsCsv: file structure', () => {
  it('accepts the example row of docs/import-format.md', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/import-format.md'), 'utf8')
    const example = doc.split('```csv\n')[1].split('```')[0]
    expect(parse(example)).toMatchObject({
      errors: [],
      records: [{ line: 2, record: { creditCode: '91220104MA17XK3P06', description: '提供全日托, 半日托' } }],
    })
  })

  it('tolerates a BOM, CRLF line ends and spaces around cells', () => {
    const text = '\uFEFF' + csvOf({ name: '  南关松果托育园（测试）  ' }).replace(/\n/g, '\r\n')
    const result = parse(text)
    expect(result.errors).toEqual([])
    expect(result.records[0].record.name).toBe('南关松果托育园（测试）')
  })

  it('accepts the columns in any order', () => {
    const reversed = [...CSV_COLUMNS].reverse()
    const text = `${reversed.join(',')}\n${reversed.map((column) => quote(VALID_ROW[column])).join(',')}\n`
    expect(parse(text)).toMatchObject({ errors: [], records: [{ line: 2 }] })
  })

  it('reports a renamed column once, on line 1, and reads no row', () => {
    const text = csvOf({}).replace('credit_code', 'creditcode')
    expect(parse(text)).toEqual({
      records: [],
      errors: [{ line: 1, field: '', reason: expect.stringMatching(/^表头不正确：缺少列 credit_code；未知列 creditcode。/) }],
    })
  })

  it('reports missing columns once, on line 1', () => {
    const text = 'credit_code,name\n91220104MA17XK3P06,x\n'
    const { errors } = parse(text)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ line: 1, field: '' })
    expect(errors[0].reason).toContain('缺少列 kind、ownership')
  })

  it('gives correct line numbers after quoted line breaks and blank lines', () => {
    const rowWithBreaks = { credit_code: '52220102MJ0A12345L', description: '第一行,\n第二行\n"第三行"', refund_policy: 'a\nb' }
    const badRow = { credit_code: '12220203123456789E', kind: 'bad' }
    const [header, first, second] = csvOf(rowWithBreaks, badRow).split(/\n(?=[0-9]{2}22)/)
    const text = `${header}\n${first}\n\n\n${second}`
    const result = parse(text)
    expect(result.records.map((r) => r.line)).toEqual([2])
    expect(result.records[0].record.description).toBe('第一行,\n第二行\n"第三行"')
    // line 2 holds the first row over 4 lines (2–5), then two blank lines (6–7)
    expect(result.errors).toEqual([{ line: 8, field: 'kind', reason: expect.stringContaining('未知的机构类型 bad') }])
  })

  it('reports a row with a wrong number of cells', () => {
    const text = csvOf({}) + '91220104MA17XK3P06,only three,cells\n'
    expect(parse(text).errors).toEqual([{ line: 3, field: '', reason: expect.stringContaining(`该行有3列，表头有${CSV_COLUMNS.length}列`) }])
  })

  it('skips rows that spreadsheets export as empty cells only', () => {
    const text = csvOf({}) + ','.repeat(CSV_COLUMNS.length - 1) + '\n'
    expect(parse(text)).toMatchObject({ errors: [], records: [{ line: 2 }] })
  })

  it('reports an unclosed quote as a file error', () => {
    const text = csvOf({}) + '"91220104MA17XK3P06,unfinished\n'
    const { records, errors } = parse(text)
    expect(records).toEqual([])
    expect(errors).toEqual([{ line: 3, field: '', reason: expect.stringContaining('双引号') }])
  })

  it('reports an empty file, and accepts a header without rows', () => {
    expect(parse('').errors).toEqual([{ line: 1, field: '', reason: '文件为空，第一行应为表头' }])
    expect(parse(CSV_COLUMNS.join(',') + '\n')).toEqual({ records: [], errors: [] })
  })

  it('reports every duplicate of a code on its own later line, even when the first row was rejected', () => {
    const text = csvOf({ kind: 'bad' }, {}, {})
    expect(
      parse(text)
        .errors.filter((e) => e.field === 'credit_code')
        .map((e) => [e.line, e.reason]),
    ).toEqual([
      [3, '统一社会信用代码 91220104MA17XK3P06 与第2行重复'],
      [4, '统一社会信用代码 91220104MA17XK3P06 与第2行重复'],
    ])
  })
})

describe('parseInstitutionsCsv: field rules', () => {
  it.each<[Partial<Record<CsvColumn, string>>, CsvColumn, string]>([
    [{ credit_code: '' }, 'credit_code', '统一社会信用代码不能为空'],
    [{ credit_code: '91220104ma17xk3p06' }, 'credit_code', '统一社会信用代码不能含小写字母'],
    [{ name: '' }, 'name', '机构名称不能为空'],
    [{ name: '托'.repeat(101) }, 'name', '机构名称不能超过100个字，实际101个字'],
    [{ ownership: '公办' }, 'ownership', '未知的举办性质 公办，应为 public|private'],
    [{ registering_authority: '' }, 'registering_authority', '登记机关类型不能为空，应为 establishment|civil_affairs|market_regulation|health'],
    [{ filed_on: '2023-02-30' }, 'filed_on', '备案日期应为真实日期，格式 YYYY-MM-DD，实际为 2023-02-30'],
    [{ filed_on: '2023/03/15' }, 'filed_on', '备案日期应为真实日期，格式 YYYY-MM-DD，实际为 2023/03/15'],
    [{ committee_established_on: '2026-12-01' }, 'committee_established_on', '家长委员会成立日期 2026-12-01 晚于今天（2026-11-28）'],
    [{ city_code: '210100' }, 'city_code', '未知的市州代码 210100'],
    [{ lat: 'north' }, 'lat', '纬度应为数字，实际为 north'],
    [{ lat: '125.2905', lng: '43.8301' }, 'lat', '坐标不在吉林省境内（纬度和经度是否填反了？）'],
    [{ lat: '42.89', lng: '129.51' }, 'lat', '坐标距长春市中心约356公里，超过180公里，请核对市州和坐标'],
    [{ phone: '0431-12' }, 'phone', '联系电话应有7到20位数字，实际6位'],
    [{ updated_at: '2026-10-20 25:00' }, 'updated_at', '更新时间应为日期时间，如 2026-10-20 09:30 或 2026-10-20T09:30:00+08:00，实际为 2026-10-20 25:00'],
    [{ half_day: '08:00-12:00|周一至周五|1500' }, 'half_day', '半日托应有4项（时间|服务日|收费|收费单位），实际3项'],
    [{ hourly: '8:00-18:00|周一至周日|50|hour' }, 'hourly', '计时托：服务时间应写成 07:30-17:30，实际为 8:00-18:00'],
    [{ temporary: '08:00-18:00|周一至周日|150|week' }, 'temporary', '临时托：未知的收费单位 week，应为 month|day|half_day|hour|time'],
    [{ classes: 'toddler|托小班|24-12|15|12|3' }, 'classes', '第1个班级：起始月龄 24 应小于截止月龄 12'],
    [{ classes: 'senior|托大班|24-40|15|12|3' }, 'classes', '第1个班级：月龄应在 0–36 个月之间，实际为 24-40'],
    [{ classes: 'baby|宝宝班|6-12|8|6|2' }, 'classes', '第1个班级：未知的班级类型 baby，应为 infant|toddler|senior|mixed|kindergarten'],
    [{ classes: 'toddler|托小班|12-24|15' }, 'classes', '第1个班级：应有6项（类型|名称|月龄|额定人数|在托人数|保育人员数），实际4项'],
    [{ staff_care: '-1' }, 'staff_care', '人数应为非负整数，实际为 -1'],
    [{ evaluations: '2025年第一批|2025-05-20|2027-05-19|E|800|120/120/160/120/80/120/80|某部门' }, 'evaluations', '第1条评价：未知的等级 E，应为 A|B|C|D'],
    [{ evaluations: '2025年第一批|2025-05-20|2027-05-19|A|1001|120/120/160/120/80/120/80|某部门' }, 'evaluations', '第1条评价：总分不能大于1000，实际为 1001'],
    [{ evaluations: '2025年第一批|2025-05-20|2027-05-19|B|850|160/120/160/120/80/130/80|某部门' }, 'evaluations', '第1条评价：办托条件得分 160 超出满分 150'],
    [
      { evaluations: '2025年第一批|2025-05-20|2027-05-19|B|800|120/120/160/120/80/200|某部门' },
      'evaluations',
      '第1条评价：各维度得分应有7项（办托条件/托育队伍/保育照护/卫生保健/养育支持/安全保障/机构管理），实际6项',
    ],
    [{ sanctions: 'fine|2025-03-02|罚款|超员|某局' }, 'sanctions', '第1条处罚或警示：未知的处理类型 fine，应为 sanction|credit_warning'],
    [{ sanctions: 'sanction|2025-03-02|罚款||某局' }, 'sanctions', '第1条处罚或警示：事由不能为空'],
  ])('%j → %s: %s', (row, field, reason) => {
    expect(errorsOf(row)).toEqual([{ field, reason }])
  })

  it('reports each bad part of a service cell', () => {
    expect(errorsOf({ hourly: '08:00-18:00|周一至周日|-5|hourly' })).toEqual([
      { field: 'hourly', reason: '计时托：收费（元）应为非负整数，实际为 -5' },
      { field: 'hourly', reason: '计时托：未知的收费单位 hourly，应为 month|day|half_day|hour|time' },
    ])
  })

  it('reports a duplicate evaluation date and a duplicate sanction within one row', () => {
    const evaluation = '2025年第一批|2025-05-20|2027-05-19|B|800|120/120/160/120/80/120/80|某部门'
    const sanction = 'credit_warning|2025-03-02|列入信用警示名单|预收费超期|某局'
    expect(errorsOf({ evaluations: `${evaluation};${evaluation}`, sanctions: `${sanction};${sanction}` })).toEqual([
      { field: 'evaluations', reason: '第2条评价：评价日期 2025-05-20 与第1条评价重复' },
      { field: 'sanctions', reason: '第2条处罚或警示：与第1条的类型和决定日期相同' },
    ])
  })

  it('accepts the boolean spellings and kindergarten ages up to 48 months', () => {
    for (const [text, value] of [
      ['true', true],
      ['是', true],
      ['1', true],
      ['FALSE', false],
      ['否', false],
      ['0', false],
      ['', false],
    ] as const) {
      expect(parse(csvOf({ demonstration: text })).records[0]?.record.demonstration).toBe(value)
    }
    expect(errorsOf({ kind: 'kindergarten', registering_authority: 'health', classes: 'kindergarten|托班|24-48|20|18|3' })).toEqual([])
  })

  it('allows an empty class without caregivers but not one with children', () => {
    expect(errorsOf({ classes: 'infant|乳儿班|6-12|10|0|0' })).toEqual([])
    expect(errorsOf({ classes: 'infant|乳儿班|6-12|10|1|0' })).toEqual([{ field: 'classes', reason: '第1个班级：有1名在托儿童，保育人员数不能为0' }])
  })

  it('does not reject a class above the legal limits: that is shown to parents, not an import error', () => {
    expect(errorsOf({ classes: 'infant|乳儿班|6-12|14|14|2' })).toEqual([])
  })
})

describe('fees by class and the charges besides the care fee', () => {
  it('reads a form’s fee for a class type and the listed charges', () => {
    const { records, errors } = parse(
      csvOf({
        half_day: '08:00-11:30|周一至周五|1700|month',
        classes: 'infant|乳儿班|6-12|8|6|2;toddler|托小班|12-24|15|12|3',
        class_fees: 'full_day|infant|3300;half_day|infant|2000',
        fee_items: 'meals|20|day|按实际出勤天数收取;bedding|200|once|入托时一次性收取',
      }),
    )
    expect(errors).toEqual([])
    expect(records[0].record.classFees).toEqual([
      { form: 'full_day', classType: 'infant', amount: 3300 },
      { form: 'half_day', classType: 'infant', amount: 2000 },
    ])
    expect(records[0].record.feeItems).toEqual([
      { item: 'meals', amount: 20, unit: 'day', note: '按实际出勤天数收取' },
      { item: 'bedding', amount: 200, unit: 'once', note: '入托时一次性收取' },
    ])
  })

  it('refuses a fee for a form not offered or a class not held, a repeated one, and charges that are not allowed', () => {
    expect(errorsOf({ class_fees: 'hourly|toddler|50;full_day|senior|2500;full_day|toddler|2900;full_day|toddler|3000' })).toEqual([
      { field: 'class_fees', reason: '第1项班级收费：该机构没有提供计时托' },
      { field: 'class_fees', reason: '第2项班级收费：该机构没有senior类型的班级' },
      { field: 'class_fees', reason: '第4项班级收费：全日托的toddler班级收费重复' },
    ])
    expect(errorsOf({ fee_items: 'sponsorship|5000|once|赞助费;meals|20|week|' })).toEqual([
      { field: 'fee_items', reason: '第1项其他收费：未知的收费项目（只允许伙食费、床品费、意外保险费） sponsorship，应为 meals|bedding|insurance' },
      { field: 'fee_items', reason: '第2项其他收费：未知的收费单位 week，应为 month|day|year|once' },
    ])
  })

  it('still reads a file written before the two columns existed, with neither charged', () => {
    const withoutThem = CSV_COLUMNS.filter((column) => column !== 'class_fees' && column !== 'fee_items')
    const text = [withoutThem.join(','), withoutThem.map((column) => quote(VALID_ROW[column])).join(',')].join('\n') + '\n'
    const { records, errors } = parse(text)
    expect(errors).toEqual([])
    expect(records[0].record).toMatchObject({ classFees: [], feeItems: [] })
  })
})

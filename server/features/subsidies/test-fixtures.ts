import type { SubsidyProgramme } from '../../../types/subsidies'

/** The national subsidy as the rule tests know it (not read from the migration: the rules must not depend on it). */
export const NATIONAL: SubsidyProgramme = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '国家育儿补贴',
  level: 'national',
  cityCode: null,
  cityName: null,
  amountPerMonthYuan: 300,
  fromMonth: '2025-01',
  toMonth: null,
  ageFromMonths: 0,
  ageToMonths: 36,
  eligibility: '3周岁以下婴幼儿',
  documents: ['出生医学证明'],
  howToApply: '向户籍所在地申请',
  paymentNote: '按年发放。',
  officialUrl: 'https://www.gjzwfw.gov.cn/',
  miniProgramAppId: null,
  miniProgramPath: null,
  renewYearly: true,
  sourceDocument: '《育儿补贴制度实施方案》',
  sourcePublishedOn: '2025-07-28',
  checkedOn: '2025-07-28',
}

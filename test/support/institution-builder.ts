import type { InstitutionRecord } from '../../server/features/institutions/import/record'
import { makeCreditCode } from '../../server/features/institutions/import/credit-code'

let serial = 0

/** A valid, complete registry record in Changchun; tests override what they are about. */
export function aRecord(overrides: Partial<InstitutionRecord> = {}): InstitutionRecord {
  serial += 1
  const base: InstitutionRecord = {
    creditCode: makeCreditCode(`52220104MJ${String(serial).padStart(7, '0')}`),
    name: `测试托育园${serial}`,
    kind: 'standalone',
    ownership: 'private',
    profit: 'nonprofit',
    inclusive: false,
    demonstration: false,
    registeringAuthority: 'civil_affairs',
    filedOn: '2023-03-15',
    filingAuthority: '长春市朝阳区卫生健康局',
    cityCode: '220100',
    districtCode: '220104',
    address: '长春市朝阳区红旗街1号',
    lat: 43.88,
    lng: 125.32,
    phone: '0431-88880000',
    description: '',
    refundPolicy: '未开始的月份全额退费',
    prepaymentTerms: '按月缴费，不收年费',
    committeeEstablishedOn: null,
    isDemo: false,
    updatedAt: '2026-11-20T08:00:00.000Z',
    services: [{ form: 'full_day', hours: '07:30-17:30', days: '周一至周五', fee: 2000, feeUnit: 'month' }],
    classes: [{ type: 'toddler', name: '托小班', minAgeMonths: 12, maxAgeMonths: 24, capacity: 15, enrolled: 10, caregivers: 3 }],
    classFees: [],
    feeItems: [],
    staff: [
      { role: 'management', count: 1 },
      { role: 'care', count: 3 },
    ],
    evaluations: [],
    sanctions: [],
  }
  return { ...base, ...overrides }
}

/** Overrides that move a record to 延吉市 (延边州, 222400), filed there. */
export const YANBIAN = { cityCode: '222400', districtCode: '222401', address: '延吉市示例路1号', lat: 42.9, lng: 129.5, filingAuthority: '延吉市卫生健康局' }

export const dimensionScores = (scores: number[]) => {
  const codes = ['conditions', 'staffing', 'care', 'health', 'support', 'safety', 'management']
  return Object.fromEntries(codes.map((code, i) => [code, scores[i]]))
}

const TOTAL_OF_LEVEL: Record<string, number> = { A: 920, B: 800, C: 650, D: 500 }

/** An evaluation of the level whose dimension scores add up to its total (the import checks that; the upsert does not). */
export function anEvaluation(
  round: string,
  evaluatedOn: string,
  level: 'A' | 'B' | 'C' | 'D',
  validUntil = '2099-12-31',
): InstitutionRecord['evaluations'][number] {
  const score = TOTAL_OF_LEVEL[level]
  const parts = [0.15, 0.15, 0.2, 0.15, 0.1, 0.15].map((share) => Math.floor(score * share))
  return {
    round,
    evaluatedOn,
    validUntil,
    level,
    score,
    department: '长春市卫生健康委员会',
    dimensionScores: dimensionScores([...parts, score - parts.reduce((a, b) => a + b, 0)]),
  }
}

import { Type, type Static } from '@sinclair/typebox'
import { DateString, Nullable, StringEnum } from './common'

// 预收费: how an institution takes money in advance, and whether a parent's money is safe there. Regulators record what
// they checked (the longest prepayment, the supervised bank account, the model contract) and the rule that applies (the
// province's, or a 市州's own); the badge follows from both, with its reasons and the rule quoted.

/**
 * supervised: prepayments are held in a supervised bank account the regulator checked (预收费受监管).
 * none_taken: the institution takes no money in advance (不预收费用).
 * no_information: nothing checked, or no supervised account on record (未见监管信息).
 * breach: more than the rule allows, or above the amount that must be bank-held without such an account (违规预收).
 */
export const PREPAYMENT_BADGES = ['supervised', 'none_taken', 'no_information', 'breach'] as const
export const PrepaymentBadge = StringEnum(PREPAYMENT_BADGES)
export type PrepaymentBadge = Static<typeof PrepaymentBadge>

const RegionCode = Type.String({ pattern: '^[0-9]{6}$' })

/** PUT /admin/prepayment-rules/:regionCode: the rule for the province (220000) or one 市州, every field replaced. */
export const PrepaymentRuleInput = Type.Object(
  {
    maxMonths: Type.Integer({ minimum: 1, maximum: 24, description: 'the longest period an institution may charge in advance' }),
    escrowAboveYuan: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'prepayments above this must be bank-held' })),
    ruleText: Type.String({ minLength: 4, maxLength: 300, description: 'the rule as parents read it, quoted from the document' }),
    sourceDocument: Type.String({ minLength: 2, maxLength: 200 }),
    sourcePublishedOn: DateString,
  },
  { additionalProperties: false },
)
export type PrepaymentRuleInput = Static<typeof PrepaymentRuleInput>

export const PrepaymentRule = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  maxMonths: Type.Integer(),
  escrowAboveYuan: Nullable(Type.Integer()),
  ruleText: Type.String(),
  sourceDocument: Type.String(),
  sourcePublishedOn: DateString,
  /** 截至: the day the rule was last saved by a regulator. */
  checkedOn: DateString,
  isDemo: Type.Boolean(),
})
export type PrepaymentRule = Static<typeof PrepaymentRule>

export const PrepaymentRuleList = Type.Object({ items: Type.Array(PrepaymentRule) })
export type PrepaymentRuleList = Static<typeof PrepaymentRuleList>

export const RegionParams = Type.Object({ regionCode: RegionCode })
export type RegionParams = Static<typeof RegionParams>

/** PUT /admin/institutions/:id/prepayment: what the regulator checked at the institution, every field replaced. */
export const PrepaymentFactsInput = Type.Object(
  {
    longestPrepaymentMonths: Type.Integer({ minimum: 0, maximum: 36, description: '0: takes no money in advance' }),
    /** The bank holding prepayments in a supervised account (资金监管); null when there is none. */
    escrowBank: Nullable(Type.String({ minLength: 2, maxLength: 60 })),
    modelContract: Type.Boolean({ description: 'uses the model childcare contract (示范合同)' }),
  },
  { additionalProperties: false },
)
export type PrepaymentFactsInput = Static<typeof PrepaymentFactsInput>

export const PrepaymentFacts = Type.Object({
  longestPrepaymentMonths: Type.Integer(),
  escrowBank: Nullable(Type.String()),
  modelContract: Type.Boolean(),
  /** 截至: the day a regulator recorded these facts. */
  checkedOn: DateString,
})
export type PrepaymentFacts = Static<typeof PrepaymentFacts>

export const InstitutionParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export type InstitutionParams = Static<typeof InstitutionParams>

/** GET /institutions/:id/prepayment */
export const PrepaymentStatus = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  badge: PrepaymentBadge,
  /** Why this badge, in plain words (e.g. 预收6个月，超过规定的最长3个月). */
  reasons: Type.Array(Type.String()),
  /** Null: no regulator has recorded anything yet. */
  facts: Nullable(PrepaymentFacts),
  /** The rule that applies: the 市州's own, else the province's; null when none is on record. */
  rule: Nullable(PrepaymentRule),
  /** The institution's own words, from the registry. */
  refundPolicy: Type.String(),
  prepaymentTerms: Type.String(),
  /** The highest monthly fee (全日托 or 半日托) the amounts are worked out from; null without one. */
  monthlyFeeYuan: Nullable(Type.Integer()),
})
export type PrepaymentStatus = Static<typeof PrepaymentStatus>

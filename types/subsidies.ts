import { Type, type Static } from '@sinclair/typebox'
import { BIRTH_MONTH_PATTERN, DateString, Nullable, StringEnum } from './common'

// 育儿补贴: childcare subsidies as data. The national one (3,600 yuan a year per child under 3, from 2025) and any
// Jilin or 市州 top-up or voucher are programmes a regulator keeps; the app works out what each child gets.

/** national: the State Council's; province: Jilin's; city: one 市州's. */
export const SUBSIDY_LEVELS = ['national', 'province', 'city'] as const
export const SubsidyLevel = StringEnum(SUBSIDY_LEVELS)
export type SubsidyLevel = Static<typeof SubsidyLevel>

const Month = (description: string) => Type.String({ pattern: BIRTH_MONTH_PATTERN, description })

/** What a regulator writes: POST /admin/subsidies/programmes, and PUT …/:id, which replaces every field. */
export const SubsidyProgrammeInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 40 }),
    level: SubsidyLevel,
    /** Required for a city programme: the 市州 it is paid in. */
    cityCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{6}$' }))),
    amountPerMonthYuan: Type.Integer({ minimum: 1, maximum: 10000, description: 'whole yuan a month' }),
    /** The first month paid for; a child born before it gets the months from here on. */
    fromMonth: Month('YYYY-MM, the first month paid for'),
    /** The last month paid for (inclusive); none while the programme runs on. */
    toMonth: Type.Optional(Nullable(Month('YYYY-MM, the last month paid for'))),
    /** Paid from this age in months (0: the birth month) … */
    ageFromMonths: Type.Integer({ minimum: 0, maximum: 72 }),
    /** … until this age (exclusive): 36 stops before the month the child turns 3. */
    ageToMonths: Type.Integer({ minimum: 1, maximum: 72 }),
    eligibility: Type.String({ minLength: 2, maxLength: 500, description: 'who qualifies, in plain words' }),
    documents: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 12, description: 'what to bring' }),
    howToApply: Type.String({ minLength: 2, maxLength: 500 }),
    paymentNote: Type.String({ maxLength: 200, description: 'how it is paid, e.g. once a year' }),
    officialUrl: Type.Optional(Nullable(Type.String({ pattern: '^https://', maxLength: 300 }))),
    miniProgramAppId: Type.Optional(Nullable(Type.String({ pattern: '^wx[0-9a-f]{16}$' }))),
    miniProgramPath: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    renewYearly: Type.Boolean({ description: 'parents confirm the child each year' }),
    sourceDocument: Type.String({ minLength: 2, maxLength: 200, description: 'the document that sets it' }),
    sourcePublishedOn: DateString,
    /** 截至: the day the regulator last checked these figures against the document. */
    checkedOn: DateString,
  },
  { additionalProperties: false },
)
export type SubsidyProgrammeInput = Static<typeof SubsidyProgrammeInput>

export const SubsidyProgramme = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  level: SubsidyLevel,
  cityCode: Nullable(Type.String()),
  cityName: Nullable(Type.String()),
  amountPerMonthYuan: Type.Integer(),
  fromMonth: Type.String(),
  toMonth: Nullable(Type.String()),
  ageFromMonths: Type.Integer(),
  ageToMonths: Type.Integer(),
  eligibility: Type.String(),
  documents: Type.Array(Type.String()),
  howToApply: Type.String(),
  paymentNote: Type.String(),
  officialUrl: Nullable(Type.String()),
  miniProgramAppId: Nullable(Type.String()),
  miniProgramPath: Nullable(Type.String()),
  renewYearly: Type.Boolean(),
  sourceDocument: Type.String(),
  sourcePublishedOn: DateString,
  checkedOn: DateString,
})
export type SubsidyProgramme = Static<typeof SubsidyProgramme>

export const SubsidyProgrammeList = Type.Object({ items: Type.Array(SubsidyProgramme) })
export type SubsidyProgrammeList = Static<typeof SubsidyProgrammeList>

export const SubsidyProgrammeParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export type SubsidyProgrammeParams = Static<typeof SubsidyProgrammeParams>

/** GET /subsidies/programmes: the programmes paid in a 市州 (national, Jilin's and its own), or all without one. */
export const SubsidyProgrammeQuery = Type.Object({ cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) }, { additionalProperties: false })
export type SubsidyProgrammeQuery = Static<typeof SubsidyProgrammeQuery>

/** GET /subsidies/estimate: for a birth month kept on the device, without an account. */
export const SubsidyEstimateQuery = Type.Object(
  {
    birthMonth: Type.String({ pattern: BIRTH_MONTH_PATTERN, description: 'YYYY-MM' }),
    cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  },
  { additionalProperties: false },
)
export type SubsidyEstimateQuery = Static<typeof SubsidyEstimateQuery>

/** GET /me/subsidies: for each of the parent's children. */
export const MySubsidyQuery = Type.Object({ cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) }, { additionalProperties: false })
export type MySubsidyQuery = Static<typeof MySubsidyQuery>

/** paying: this month is paid for; upcoming: later (the programme has not started for this child); ended: no more. */
export const ENTITLEMENT_STATES = ['paying', 'upcoming', 'ended'] as const
export const EntitlementState = StringEnum(ENTITLEMENT_STATES)
export type EntitlementState = Static<typeof EntitlementState>

/** One programme for one child. Months are YYYY-MM, both ends inclusive; amounts in yuan. */
export const SubsidyEntitlement = Type.Object({
  programme: SubsidyProgramme,
  state: EntitlementState,
  firstMonth: Type.String(),
  lastMonth: Type.String(),
  /** Every month the child is paid for under this programme. */
  months: Type.Integer(),
  totalYuan: Type.Number(),
  /** From this month on (this month included). */
  monthsLeft: Type.Integer(),
  leftYuan: Type.Number(),
  /** The next month the parent should confirm the child again (renewYearly), if any is left. */
  renewBy: Nullable(Type.String()),
})
export type SubsidyEntitlement = Static<typeof SubsidyEntitlement>

export const SubsidyEstimate = Type.Object({
  birthMonth: Type.String(),
  /** The month the figures are worked out for: this month, China time. */
  asOfMonth: Type.String(),
  /** The month the child turns 3. */
  turnsThreeMonth: Type.String(),
  entitlements: Type.Array(SubsidyEntitlement, { description: 'paying first, then upcoming, then ended' }),
  /** Paid for this month, every programme together. */
  thisMonthYuan: Type.Number(),
  /** Still to come, this month included, every programme together. */
  leftYuan: Type.Number(),
  /** The rules behind the figures, in plain words: each is shown to the parent. */
  assumptions: Type.Array(Type.String()),
})
export type SubsidyEstimate = Static<typeof SubsidyEstimate>

export const ChildSubsidies = Type.Object({
  childId: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  estimate: SubsidyEstimate,
})
export type ChildSubsidies = Static<typeof ChildSubsidies>

export const MySubsidies = Type.Object({ items: Type.Array(ChildSubsidies) })
export type MySubsidies = Static<typeof MySubsidies>

/** The monthly service forms: a net monthly cost needs a monthly fee. */
export const MONTHLY_FORMS = ['full_day', 'half_day'] as const
export const MonthlyForm = StringEnum(MONTHLY_FORMS)
export type MonthlyForm = Static<typeof MonthlyForm>

/** GET /institutions/:id/net-cost */
export const NetCostQuery = Type.Object(
  {
    birthMonth: Type.String({ pattern: BIRTH_MONTH_PATTERN, description: 'YYYY-MM' }),
    form: MonthlyForm,
  },
  { additionalProperties: false },
)
export type NetCostQuery = Static<typeof NetCostQuery>

export const NetCostParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export type NetCostParams = Static<typeof NetCostParams>

/** One month of care: the class the child would be in, its fee, 伙食费, the subsidies, and what is left to pay. */
export const NetCostMonth = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  ageMonths: Type.Integer(),
  /** Null when the institution has no class for the child's age that month: no fee, no net cost. */
  classType: Nullable(Type.String()),
  className: Nullable(Type.String()),
  feeYuan: Nullable(Type.Integer()),
  mealsYuan: Type.Integer(),
  subsidyYuan: Type.Integer(),
  netYuan: Nullable(Type.Integer()),
})
export type NetCostMonth = Static<typeof NetCostMonth>

export const NetCost = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  form: MonthlyForm,
  birthMonth: Type.String(),
  asOfMonth: Type.String(),
  /** From this month (or the month care could start) until the month before the child turns 3. */
  months: Type.Array(NetCostMonth),
  /** This month's figures, or the first month with a class when the child is too young yet; null when there is none. */
  firstMonth: Nullable(NetCostMonth),
  /** The rules behind the figures, in plain words: each is shown to the parent. */
  assumptions: Type.Array(Type.String()),
})
export type NetCost = Static<typeof NetCost>

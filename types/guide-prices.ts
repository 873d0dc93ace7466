import { Type, type Static } from '@sinclair/typebox'
import { DateString, Nullable, StringEnum } from './common'
import { ClassType } from './institutions'

// 指导价/限价: the most a 普惠 or public institution may charge a month, per 市州, class type and monthly service form,
// as a regulator sets it from a document; an institution above its cap is flagged to parents and listed for regulators.

/** inclusive: 普惠 places; public: 公办 places. */
export const PRICE_SCOPES = ['inclusive', 'public'] as const
export const PriceScope = StringEnum(PRICE_SCOPES)
export type PriceScope = Static<typeof PriceScope>

/** The monthly forms: caps are monthly. */
export const CAPPED_FORMS = ['full_day', 'half_day'] as const
export const CappedForm = StringEnum(CAPPED_FORMS)
export type CappedForm = Static<typeof CappedForm>

/** POST /admin/guide-prices, and PUT …/:id, which replaces every field. */
export const GuidePriceInput = Type.Object(
  {
    cityCode: Type.String({ pattern: '^[0-9]{6}$', description: 'the 市州 it applies in' }),
    scope: PriceScope,
    classType: ClassType,
    form: CappedForm,
    capYuan: Type.Integer({ minimum: 1, maximum: 100_000, description: 'yuan a month' }),
    sourceDocument: Type.String({ minLength: 2, maxLength: 200 }),
    validFrom: DateString,
    validTo: Nullable(DateString),
  },
  { additionalProperties: false },
)
export type GuidePriceInput = Static<typeof GuidePriceInput>

export const GuidePrice = Type.Object({
  id: Type.String({ format: 'uuid' }),
  cityCode: Type.String(),
  cityName: Type.String(),
  scope: PriceScope,
  classType: ClassType,
  form: CappedForm,
  capYuan: Type.Integer(),
  sourceDocument: Type.String(),
  validFrom: DateString,
  validTo: Nullable(DateString),
  /** 截至: the day a regulator last saved it. */
  checkedOn: DateString,
})
export type GuidePrice = Static<typeof GuidePrice>

export const GuidePriceList = Type.Object({ items: Type.Array(GuidePrice) })
export type GuidePriceList = Static<typeof GuidePriceList>

export const GuidePriceQuery = Type.Object({ cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) }, { additionalProperties: false })
export type GuidePriceQuery = Static<typeof GuidePriceQuery>

export const GuidePriceParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export type GuidePriceParams = Static<typeof GuidePriceParams>

export const InstitutionParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export type InstitutionParams = Static<typeof InstitutionParams>

/** One of the institution's fees against the cap in force for it. */
export const PriceCheck = Type.Object({
  form: CappedForm,
  classType: ClassType,
  feeYuan: Type.Integer(),
  guidePrice: GuidePrice,
  over: Type.Boolean(),
  /** How much above the cap (0 when within it). */
  overByYuan: Type.Integer(),
})
export type PriceCheck = Static<typeof PriceCheck>

/** GET /institutions/:id/price-check */
export const InstitutionPriceCheck = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  /** Whether caps apply at all: only to 普惠 and public institutions. */
  capped: Type.Boolean(),
  checks: Type.Array(PriceCheck),
  overCap: Type.Boolean(),
})
export type InstitutionPriceCheck = Static<typeof InstitutionPriceCheck>

/** GET /admin/guide-prices/over-cap: the institutions above a cap in the regulator's area. */
export const OverCapInstitution = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  cityName: Type.String(),
  districtName: Type.String(),
  checks: Type.Array(PriceCheck, { description: 'only the fees above their cap' }),
})
export const OverCapList = Type.Object({ items: Type.Array(OverCapInstitution) })
export type OverCapList = Static<typeof OverCapList>

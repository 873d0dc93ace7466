import { Type, type Static } from '@sinclair/typebox'
import { DateString, DateTimeString, Nullable, StringEnum } from './common'

export const SERVICE_FORMS = ['full_day', 'half_day', 'hourly', 'temporary'] as const // 全日托 半日托 计时托 临时托
export const INSTITUTION_KINDS = ['standalone', 'kindergarten', 'employer', 'community', 'home'] as const // 独立机构 幼儿园托班 用人单位办托 社区托育点 家庭托育点
export const OWNERSHIPS = ['public', 'private'] as const // 公办 民办
export const PROFIT_TYPES = ['nonprofit', 'forprofit'] as const // 非营利 营利
export const CLASS_TYPES = ['infant', 'toddler', 'senior', 'mixed', 'kindergarten'] as const // 乳儿班 托小班 托大班 混龄班 幼儿园托班
export const STAFF_ROLES = ['management', 'care', 'health', 'security', 'logistics'] as const // 综合管理 保育照护 卫生保健 安全保卫 后勤保障
export const FEE_UNITS = ['month', 'day', 'half_day', 'hour', 'time'] as const // 元/月 元/天 元/半天 元/小时 元/次
export const SANCTION_KINDS = ['sanction', 'credit_warning'] as const // 行政处罚 信用警示
export const REGISTERING_AUTHORITIES = ['establishment', 'civil_affairs', 'market_regulation', 'health'] as const // 机构编制部门 民政部门 市场监管部门 卫生健康部门 (幼儿园托班直接备案)
export const SORTS = ['distance', 'grade', 'fee'] as const
/** The charges besides the care fee an institution may list (no 赞助费, 择校费 or the like): 伙食费 床品费 意外保险费. */
export const FEE_ITEMS = ['meals', 'bedding', 'insurance'] as const
export const FEE_ITEM_UNITS = ['month', 'day', 'year', 'once'] as const // 元/月 元/天 元/年 一次性

export const ServiceForm = StringEnum(SERVICE_FORMS)
export type ServiceForm = Static<typeof ServiceForm>
export const InstitutionKind = StringEnum(INSTITUTION_KINDS)
export type InstitutionKind = Static<typeof InstitutionKind>
export const Ownership = StringEnum(OWNERSHIPS)
export type Ownership = Static<typeof Ownership>
export const ProfitType = StringEnum(PROFIT_TYPES)
export type ProfitType = Static<typeof ProfitType>
export const ClassType = StringEnum(CLASS_TYPES)
export type ClassType = Static<typeof ClassType>
export const StaffRole = StringEnum(STAFF_ROLES)
export type StaffRole = Static<typeof StaffRole>
export const FeeUnit = StringEnum(FEE_UNITS)
export type FeeUnit = Static<typeof FeeUnit>
export const SanctionKind = StringEnum(SANCTION_KINDS)
export type SanctionKind = Static<typeof SanctionKind>
export const RegisteringAuthority = StringEnum(REGISTERING_AUTHORITIES)
export type RegisteringAuthority = Static<typeof RegisteringAuthority>
export const InstitutionSort = StringEnum(SORTS)
export const FeeItemKind = StringEnum(FEE_ITEMS)
export type FeeItemKind = Static<typeof FeeItemKind>
export const FeeItemUnit = StringEnum(FEE_ITEM_UNITS)
export type FeeItemUnit = Static<typeof FeeItemUnit>
export type InstitutionSort = Static<typeof InstitutionSort>

export const InstitutionId = Type.String({ format: 'uuid', description: 'institution id' })

export const GradeSummary = Type.Object({
  level: Type.String(),
  label: Type.String(),
  rank: Type.Integer(),
  score: Type.Integer(),
  gradedOn: DateString,
  validUntil: DateString,
  lapsed: Type.Boolean({ description: 'validUntil is in the past' }),
})
export type GradeSummary = Static<typeof GradeSummary>

export const FeeRange = Type.Object({ min: Type.Integer(), max: Type.Integer() })
export type FeeRange = Static<typeof FeeRange>

/**
 * The unit a budget (`maxFee`) is read in for each service form: 全日托 and 半日托 by the month, 计时托 by the hour,
 * 临时托 by the day. With no service form chosen the budget is monthly, like the card's monthly fee.
 */
export const BUDGET_UNIT_OF_FORM = { full_day: 'month', half_day: 'month', hourly: 'hour', temporary: 'day' } as const satisfies Record<ServiceForm, FeeUnit>

/** The price of one service form as the institution publishes it, e.g. 40 元/小时 for 计时托. */
export const ServiceFee = Type.Object({ form: ServiceForm, amount: Type.Integer({ description: 'yuan' }), unit: FeeUnit })
export type ServiceFee = Static<typeof ServiceFee>

export const ClassSummary = Type.Object({
  type: ClassType,
  name: Type.String(),
  minAgeMonths: Type.Integer(),
  maxAgeMonths: Type.Integer(),
  freePlaces: Type.Integer(),
})
export type ClassSummary = Static<typeof ClassSummary>

/**
 * A sanction or credit warning as the public sees it: the measure, who decided and when. Never the reason: it is free
 * text from the deciding department that may name a person (it stays in the registry, for the regulator).
 */
export const PublishedSanction = Type.Object(
  {
    kind: SanctionKind,
    measure: Type.String({ description: 'e.g. 警告并罚款5000元' }),
    department: Type.String(),
    decidedOn: DateString,
  },
  { additionalProperties: false },
)
export type PublishedSanction = Static<typeof PublishedSanction>

/** The registry's record of a decision as a regulator enters it (import, closing a complaint): the reason is kept, never published. */
export type Sanction = PublishedSanction & { reason: string }

/**
 * A sanction or credit warning stays a warning on cards, in compare and atop the detail page for this many years after
 * its decision: the longest period Chinese credit rules keep an administrative penalty on public display (信用修复办法 2023;
 * 市场监管行政处罚信息公示 3 years). The registry records no end date, so the decision date decides.
 */
export const SANCTION_WARNING_YEARS = 3

export const InstitutionSummary = Type.Object({
  id: InstitutionId,
  name: Type.String(),
  kind: InstitutionKind,
  ownership: Ownership,
  profit: ProfitType,
  inclusive: Type.Boolean({ description: '普惠' }),
  demonstration: Type.Boolean({ description: '示范' }),
  cityCode: Type.String(),
  cityName: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  distanceKm: Nullable(Type.Number({ description: 'null when no location was given' })),
  grade: Nullable(GradeSummary),
  serviceForms: Type.Array(ServiceForm),
  monthlyFee: Nullable(FeeRange),
  /** The fee of the service form the search chose (the first of `serviceForm`): what a card shows instead of the monthly fee. */
  fee: Nullable(ServiceFee),
  classes: Type.Array(ClassSummary),
  freePlaces: Type.Integer(),
  vacanciesUpdatedAt: DateTimeString,
  breachesLimits: Type.Boolean({ description: 'a class exceeds the legal size or carer ratio' }),
  /** The latest sanction or credit warning decided within SANCTION_WARNING_YEARS: every list card warns a parent of it. */
  warning: Nullable(PublishedSanction),
  isDemo: Type.Boolean(),
})
export type InstitutionSummary = Static<typeof InstitutionSummary>

export const ServiceOffer = Type.Object({
  form: ServiceForm,
  hours: Type.String({ description: 'e.g. 07:30-17:30' }),
  days: Type.String({ description: 'e.g. 周一至周五' }),
  fee: Type.Integer({ description: 'yuan; for every class without a fee of its own in classFees' }),
  feeUnit: FeeUnit,
  /** A class type charged differently for this form (e.g. 乳儿班 more), in the form's unit. */
  classFees: Type.Array(Type.Object({ classType: ClassType, amount: Type.Integer({ description: 'yuan' }) })),
  updatedAt: DateTimeString,
})
export type ServiceOffer = Static<typeof ServiceOffer>

/** A charge besides the care fee, listed separately (伙食费 by the day, 床品费 once, …). */
export const FeeItem = Type.Object({
  item: FeeItemKind,
  amount: Type.Integer({ description: 'yuan' }),
  unit: FeeItemUnit,
  note: Type.String(),
})
export type FeeItem = Static<typeof FeeItem>

export const ClassDetail = Type.Object({
  type: ClassType,
  name: Type.String(),
  minAgeMonths: Type.Integer(),
  maxAgeMonths: Type.Integer(),
  capacity: Type.Integer(),
  enrolled: Type.Integer(),
  freePlaces: Type.Integer(),
  caregivers: Type.Integer(),
  childrenPerCaregiver: Nullable(Type.Number({ description: 'enrolled / caregivers' })),
  legalMaxSize: Nullable(Type.Integer()),
  legalMaxChildrenPerCaregiver: Nullable(Type.Number()),
  breaches: Type.Array(StringEnum(['size', 'ratio'] as const)),
  updatedAt: DateTimeString,
})
export type ClassDetail = Static<typeof ClassDetail>

export const StaffCount = Type.Object({ role: StaffRole, count: Type.Integer() })
export type StaffCount = Static<typeof StaffCount>

export const Evaluation = Type.Object({
  round: Type.String({ description: 'e.g. 2026年第一批' }),
  evaluatedOn: DateString,
  validUntil: DateString,
  level: Type.String(),
  label: Type.String(),
  score: Type.Integer(),
  department: Type.String(),
  dimensions: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), score: Type.Integer(), maxScore: Type.Integer() })),
})
export type Evaluation = Static<typeof Evaluation>

/**
 * The parent committee as every screen states it (detail, compare, the committee page), by one rule: it is established
 * when the registry records a date (`committee_established_on`), however few of its members use the app.
 */
export const CommitteeStatus = Type.Object({
  establishedOn: Nullable(DateString),
  membersInApp: Type.Integer({ minimum: 0, description: 'people holding an active committee role for the institution in the app' }),
  lastNoticeAt: Nullable(DateTimeString),
})
export type CommitteeStatus = Static<typeof CommitteeStatus>

export const InstitutionDetail = Type.Composite([
  InstitutionSummary,
  Type.Object({
    creditCode: Type.String({ description: '统一社会信用代码' }),
    registeringAuthority: RegisteringAuthority,
    filedOn: DateString,
    filingAuthority: Type.String({ description: 'e.g. 长春市朝阳区卫生健康局' }),
    phone: Type.String(),
    description: Type.String(),
    refundPolicy: Type.String(),
    prepaymentTerms: Type.String(),
    services: Type.Array(ServiceOffer),
    feeItems: Type.Array(FeeItem),
    classDetails: Type.Array(ClassDetail),
    staff: Type.Array(StaffCount),
    staffUpdatedAt: DateTimeString,
    evaluations: Type.Array(Evaluation, { description: 'newest first' }),
    committee: CommitteeStatus,
    sanctions: Type.Array(PublishedSanction),
    /** The grade went down at the latest evaluation, or the latest grade lapsed (valid_until passed): shown with its date. */
    gradeWarning: Nullable(
      Type.Object({
        kind: StringEnum(['downgraded', 'lapsed'] as const),
        on: DateString,
        level: Type.String(),
        levelLabel: Type.String(),
        previousLevel: Nullable(Type.String()),
        previousLevelLabel: Nullable(Type.String()),
      }),
    ),
    updatedAt: DateTimeString,
  }),
])
export type InstitutionDetail = Static<typeof InstitutionDetail>

const Latitude = Type.Number({ minimum: -90, maximum: 90, description: 'GCJ-02 latitude of the parent (the datum of the registry and of Chinese maps)' })
const Longitude = Type.Number({ minimum: -180, maximum: 180 })

export const InstitutionSearchQuery = Type.Object(
  {
    lat: Type.Optional(Latitude),
    lng: Type.Optional(Longitude),
    radiusKm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 500, description: 'only with lat/lng' })),
    region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: '市州 or district code' })),
    bbox: Type.Optional(
      Type.String({
        pattern: '^-?[0-9]+(\\.[0-9]+)?(,-?[0-9]+(\\.[0-9]+)?){3}$',
        description:
          'the map area searched (搜索此区域), GCJ-02 "west,south,east,north" in degrees: only institutions inside it; not with region. With lat/lng, distances and the nearest-first order stay the parent\'s',
      }),
    ),
    serviceForm: Type.Optional(Type.Array(ServiceForm, { maxItems: 4 })),
    kind: Type.Optional(Type.Array(InstitutionKind, { maxItems: 5 })),
    childBirthMonth: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM; only institutions with a class for that age' })),
    minLevel: Type.Optional(Type.String({ maxLength: 8, description: 'grade code; institutions graded at this level or better' })),
    ownership: Type.Optional(Ownership),
    profit: Type.Optional(ProfitType),
    inclusive: Type.Optional(Type.Boolean()),
    demonstration: Type.Optional(Type.Boolean()),
    vacanciesOnly: Type.Optional(Type.Boolean()),
    maxFee: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100000,
        description:
          'budget in yuan, in the unit of the first chosen service form: 元/月 for 全日托 and 半日托, 元/小时 for 计时托, 元/天 for 临时托; with no service form, 元/月 (a full- or half-day monthly fee within it)',
      }),
    ),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'name contains' })),
    sort: Type.Optional(InstitutionSort),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type InstitutionSearchQuery = Static<typeof InstitutionSearchQuery>

export const InstitutionPage = Type.Object({
  items: Type.Array(InstitutionSummary),
  total: Type.Integer({ description: 'matching institutions, counted up to 1,000' }),
  totalCapped: Type.Boolean({ description: 'more than `total` match' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
  sort: InstitutionSort,
})
export type InstitutionPage = Static<typeof InstitutionPage>

export const InstitutionParams = Type.Object({ id: InstitutionId })
export const DetailQuery = Type.Object({ lat: Type.Optional(Latitude), lng: Type.Optional(Longitude) }, { additionalProperties: false })
export type DetailQuery = Static<typeof DetailQuery>

export const CompareQuery = Type.Object(
  {
    ids: Type.String({ pattern: '^[^,]+(,[^,]+){1,3}$', description: '2 to 4 institution ids, comma-separated' }),
    lat: Type.Optional(Latitude),
    lng: Type.Optional(Longitude),
  },
  { additionalProperties: false },
)
export type CompareQuery = Static<typeof CompareQuery>
export const CompareResponse = Type.Object({ items: Type.Array(InstitutionDetail) })
export type CompareResponse = Static<typeof CompareResponse>

import { Type, type Static } from '@sinclair/typebox'
import { DateString, DateTimeString, Nullable, StringEnum } from './common'
import { PHONE_PATTERN } from './auth'

// 入户指导: home guidance from the community health service centre of the family's district (policy §3).
export const GUIDANCE_SERVICES = [
  'home_visit', // 家庭访视
  'health_check', // 健康检查
  'growth_monitoring', // 生长发育监测
  'feeding_guidance', // 喂养与营养指导
  'vaccination_advice', // 预防接种咨询
  'disease_control', // 疾病控制指导
] as const
export const GuidanceService = StringEnum(GUIDANCE_SERVICES)
export type GuidanceService = Static<typeof GuidanceService>

/** requested → scheduled (date and staff) → done; or declined (with a reason) by the centre, or cancelled by the parent. */
export const GUIDANCE_STATUSES = ['requested', 'scheduled', 'done', 'declined', 'cancelled'] as const
export const GuidanceStatus = StringEnum(GUIDANCE_STATUSES)
export type GuidanceStatus = Static<typeof GuidanceStatus>

export const DAY_PERIODS = ['morning', 'afternoon', 'evening'] as const // 上午 下午 晚上
export const DayPeriod = StringEnum(DAY_PERIODS)
export type DayPeriod = Static<typeof DayPeriod>

export const TimeWindow = Type.Object({ date: DateString, period: DayPeriod }, { additionalProperties: false })
export type TimeWindow = Static<typeof TimeWindow>

export const GuidanceParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const GuidanceRequestInput = Type.Object(
  {
    service: GuidanceService,
    childId: Type.String({ format: 'uuid', description: "one of the parent's children" }),
    /** Dates from tomorrow up to 60 days ahead, no window twice. */
    timeWindows: Type.Array(TimeWindow, { minItems: 1, maxItems: 6 }),
    /** The district decides which centre's area the request falls in. */
    districtCode: Type.String({ pattern: '^[0-9]{6}$' }),
    address: Type.String({ minLength: 4, maxLength: 200 }),
    contactPhone: Type.String({ pattern: PHONE_PATTERN }),
    note: Type.String({ maxLength: 500, default: '' }),
  },
  { additionalProperties: false },
)
export type GuidanceRequestInput = Static<typeof GuidanceRequestInput>

export const GuidanceEvent = Type.Object({
  status: GuidanceStatus,
  at: DateTimeString,
  note: Nullable(Type.String({ description: 'the decline reason, the visit note' })),
})

export const GuidanceRequest = Type.Object({
  id: Type.String({ format: 'uuid' }),
  service: GuidanceService,
  status: GuidanceStatus,
  child: Type.Object({ id: Type.String({ format: 'uuid' }), nickname: Type.String(), birthMonth: Type.String() }),
  timeWindows: Type.Array(TimeWindow),
  districtCode: Type.String(),
  districtName: Type.String(),
  address: Type.String(),
  contactPhone: Type.String(),
  note: Type.String(),
  /** The centre that took it (set when scheduled or declined). */
  centre: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), phone: Type.String() })),
  scheduledAt: Nullable(DateTimeString),
  staffName: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
  history: Type.Array(GuidanceEvent),
})
export type GuidanceRequest = Static<typeof GuidanceRequest>
export const GuidanceRequestList = Type.Object({ items: Type.Array(GuidanceRequest) })
export type GuidanceRequestList = Static<typeof GuidanceRequestList>

// ---- centre staff: requests in the districts of their centres ----

export const CentreGuidanceQuery = Type.Object(
  {
    status: Type.Optional(GuidanceStatus),
  },
  { additionalProperties: false },
)

export const ScheduleGuidanceBody = Type.Object(
  {
    centreId: Type.String({ format: 'uuid', description: "the staff member's centre that takes the visit" }),
    scheduledAt: DateTimeString,
    staffName: Type.String({ minLength: 2, maxLength: 40 }),
  },
  { additionalProperties: false },
)
export type ScheduleGuidanceBody = Static<typeof ScheduleGuidanceBody>

export const DeclineGuidanceBody = Type.Object(
  {
    centreId: Type.String({ format: 'uuid' }),
    reason: Type.String({ minLength: 2, maxLength: 300 }),
  },
  { additionalProperties: false },
)
export type DeclineGuidanceBody = Static<typeof DeclineGuidanceBody>

export const CompleteGuidanceBody = Type.Object(
  {
    note: Type.String({ maxLength: 1000, default: '' }),
  },
  { additionalProperties: false },
)
export type CompleteGuidanceBody = Static<typeof CompleteGuidanceBody>

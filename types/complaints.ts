import { Type, type Static } from '@sinclair/typebox'
import { DateString, DateTimeString, Nullable, StringEnum } from './common'
import { PHONE_PATTERN } from './auth'
import { SanctionKind } from './institutions'

export const COMPLAINT_CATEGORIES = [
  'safety', // 安全隐患（消防、设施）
  'hygiene_health', // 卫生与健康
  'food', // 饮食
  'fees', // 收费与退费
  'staff', // 人员与资质
  'false_advertising', // 虚假宣传
  'unregistered', // 无证或未备案经营
  'abuse', // 疑似虐童
  'other',
] as const
export const ComplaintCategory = StringEnum(COMPLAINT_CATEGORIES)
export type ComplaintCategory = Static<typeof ComplaintCategory>

/** 已提交 → 已受理 → 已派单 → 办理中 → 已答复 → 已办结, or 不予受理 after 已提交. */
export const COMPLAINT_STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress', 'replied', 'closed', 'rejected'] as const
export const ComplaintStatus = StringEnum(COMPLAINT_STATUSES)
export type ComplaintStatus = Static<typeof ComplaintStatus>

/** §9 departments: 市场监管 应急管理 公安 卫生健康 教育 人力资源社会保障 民政. */
export const DEPARTMENTS = ['market_regulation', 'emergency_management', 'public_security', 'health', 'education', 'human_resources', 'civil_affairs'] as const
export const Department = StringEnum(DEPARTMENTS)
export type Department = Static<typeof Department>

export const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const // 属实 部分属实 不属实
export const Outcome = StringEnum(OUTCOMES)
export type Outcome = Static<typeof Outcome>

export const TRACKING_NUMBER_PATTERN = '^TS[0-9]{8}[A-Z0-9]{6}$' // e.g. TS20261128K7M2QD
export const TrackingNumber = Type.String({ pattern: TRACKING_NUMBER_PATTERN })

/** A provider that is not in the registry (or is operating unregistered): typed in by the parent. */
export const UnlistedProvider = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    address: Type.String({ minLength: 4, maxLength: 200 }),
    cityCode: Type.String({ pattern: '^[0-9]{6}$', description: 'the 市州 where it operates' }),
  },
  { additionalProperties: false },
)
export type UnlistedProvider = Static<typeof UnlistedProvider>

/**
 * Filed with an `Idempotency-Key` header (a UUID the app keeps with its draft): retrying with the same key
 * returns the complaint already filed, never a second one. Exactly one of institutionId and provider.
 */
export const FileComplaintBody = Type.Object(
  {
    institutionId: Type.Optional(Type.String({ format: 'uuid' })),
    provider: Type.Optional(UnlistedProvider),
    category: ComplaintCategory,
    description: Type.String({ minLength: 10, maxLength: 2000 }),
    occurredAt: DateTimeString,
    photoIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, uniqueItems: true, default: [] }),
    /** Anonymous: no user id, phone or IP is stored with the complaint. */
    anonymous: Type.Boolean(),
    contactPhone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, description: 'only when not anonymous' })),
  },
  { additionalProperties: false },
)
export type FileComplaintBody = Static<typeof FileComplaintBody>

export const FiledComplaint = Type.Object({
  trackingNumber: Type.String(),
  /**
   * With the tracking number it lets the reporter (even anonymous) follow the complaint. Derived from the Idempotency-Key,
   * never stored in clear: a retry with the same key gets the same secret, so a lost response never loses access.
   */
  secret: Type.String(),
  status: ComplaintStatus,
  urgent: Type.Boolean(),
  departments: Type.Array(Department),
  filedAt: DateTimeString,
})
export type FiledComplaint = Static<typeof FiledComplaint>

export const UploadedPhoto = Type.Object({ photoId: Type.String({ format: 'uuid' }), bytes: Type.Integer(), contentType: Type.String() })
export type UploadedPhoto = Static<typeof UploadedPhoto>

export const Photo = Type.Object({ id: Type.String({ format: 'uuid' }), url: Type.String({ description: 'signed, short-lived' }) })

export const TimelineEntry = Type.Object({
  type: StringEnum([
    'submitted',
    'accepted',
    'rejected',
    'assigned',
    'in_progress',
    'replied',
    'closed',
    'addition',
    'rating',
    'forwarded',
    'sanction_published',
  ] as const),
  at: DateTimeString,
  department: Nullable(Department),
  note: Nullable(Type.String()),
  by: StringEnum(['reporter', 'regulator', 'system'] as const),
})
export type TimelineEntry = Static<typeof TimelineEntry>

/** What the reporter sees. Never the reporter's identity, never who inside the regulator acted. */
export const ComplaintView = Type.Object({
  trackingNumber: Type.String(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  urgent: Type.Boolean(),
  institution: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  provider: Nullable(UnlistedProvider),
  cityCode: Type.String(),
  description: Type.String(),
  occurredAt: DateTimeString,
  filedAt: DateTimeString,
  photos: Type.Array(Photo),
  departments: Type.Array(Department),
  acceptBy: DateString,
  replyBy: DateString,
  overdue: Type.Boolean(),
  reply: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  outcome: Nullable(Outcome),
  rating: Nullable(Type.Object({ score: Type.Integer(), comment: Nullable(Type.String()), at: DateTimeString })),
  additions: Type.Array(Type.Object({ text: Type.String(), photos: Type.Array(Photo), at: DateTimeString })),
  timeline: Type.Array(TimelineEntry),
})
export type ComplaintView = Static<typeof ComplaintView>

/** What a regulator of the complaint's 市州 sees in addition. */
export const RegulatorComplaintView = Type.Composite([
  ComplaintView,
  Type.Object({
    anonymous: Type.Boolean(),
    contactPhone: Nullable(Type.String()),
    deliveries: Type.Array(
      Type.Object({
        department: Department,
        status: StringEnum(['pending', 'delivered'] as const),
        attempts: Type.Integer(),
        deliveredAt: Nullable(DateTimeString),
      }),
    ),
    sanctionPublished: Type.Boolean(),
  }),
])
export type RegulatorComplaintView = Static<typeof RegulatorComplaintView>

export const ComplaintSummary = Type.Object({
  trackingNumber: Type.String(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  urgent: Type.Boolean(),
  overdue: Type.Boolean(),
  subject: Type.String({ description: 'institution or provider name' }),
  cityCode: Type.String(),
  filedAt: DateTimeString,
  acceptBy: DateString,
  replyBy: DateString,
})
export type ComplaintSummary = Static<typeof ComplaintSummary>
export const ComplaintList = Type.Object({
  items: Type.Array(ComplaintSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
})
export type ComplaintList = Static<typeof ComplaintList>

export const TrackBody = Type.Object({ trackingNumber: TrackingNumber, secret: Type.String({ minLength: 8, maxLength: 64 }) }, { additionalProperties: false })
export type TrackBody = Static<typeof TrackBody>
export const TrackingParams = Type.Object({ trackingNumber: TrackingNumber })

/** Reporter actions carry either the sign-in token or the `X-Complaint-Secret` header. */
export const AdditionBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    photoIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
)
export type AdditionBody = Static<typeof AdditionBody>
export const RatingBody = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export type RatingBody = Static<typeof RatingBody>

export const AdminComplaintQuery = Type.Object(
  {
    status: Type.Optional(ComplaintStatus),
    category: Type.Optional(ComplaintCategory),
    overdue: Type.Optional(Type.Boolean()),
    urgent: Type.Optional(Type.Boolean()),
    cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
)
export type AdminComplaintQuery = Static<typeof AdminComplaintQuery>

export const NoteBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false })
export const RejectBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false })
export const AssignBody = Type.Object({ department: Department, note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false })
export const ReplyBody = Type.Object({ reply: Type.String({ minLength: 2, maxLength: 4000 }) }, { additionalProperties: false })
export const CloseBody = Type.Object(
  {
    outcome: Outcome,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    /** When upheld with a sanction against a registered institution; published separately. */
    sanction: Type.Optional(
      Type.Object(
        {
          kind: SanctionKind,
          measure: Type.String({ minLength: 2, maxLength: 200 }),
          reason: Type.String({ minLength: 2, maxLength: 500 }),
          department: Type.String({ minLength: 2, maxLength: 100, description: 'e.g. 长春市卫生健康委员会' }),
          decidedOn: DateString,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type CloseBody = Static<typeof CloseBody>

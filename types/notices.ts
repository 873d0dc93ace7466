import { Type, type Static } from '@sinclair/typebox'
import { DateString, DateTimeString, Nullable, StringEnum } from './common'
import { CommitteeStatus } from './institutions'

export const NOTICE_CATEGORIES = ['notice', 'meeting', 'activity', 'inspection', 'fees', 'other'] as const // 通知 会议 活动 监督检查结果 费用公示 其他
export const NoticeCategory = StringEnum(NOTICE_CATEGORIES)
export type NoticeCategory = Static<typeof NoticeCategory>

/** `:id` like every /institutions/:id route (the router has one parameter node there; a second name breaks route listing). */
export const InstitutionParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const NoticeParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** Plain text: line breaks are kept, links are shown as text, nothing is ever rendered as HTML. */
export const NoticeInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 80 }),
    body: Type.String({ minLength: 1, maxLength: 5000 }),
    category: NoticeCategory,
    pinned: Type.Boolean({ default: false }),
    expiresAt: Type.Optional(Nullable(DateTimeString)),
    imageIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
)
export type NoticeInput = Static<typeof NoticeInput>

/**
 * PUT /notices/:id: the whole notice as it should read from now on; imageIds replace the images. Every field is
 * required and none has a default, so a field left out is refused rather than silently reset.
 */
export const NoticeEdit = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 80 }),
    body: Type.String({ minLength: 1, maxLength: 5000 }),
    category: NoticeCategory,
    pinned: Type.Boolean(),
    expiresAt: Nullable(DateTimeString),
    imageIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, uniqueItems: true }),
  },
  { additionalProperties: false },
)
export type NoticeEdit = Static<typeof NoticeEdit>

/** The answer to an image upload: attach it by id when posting the notice. */
export const UploadedNoticeImage = Type.Object({ id: Type.String({ format: 'uuid' }), bytes: Type.Integer(), contentType: Type.String() })
export type UploadedNoticeImage = Static<typeof UploadedNoticeImage>

export const NoticeImage = Type.Object({ id: Type.String({ format: 'uuid' }), url: Type.String() })

export const Notice = Type.Object({
  id: Type.String({ format: 'uuid' }),
  institutionId: Type.String({ format: 'uuid' }),
  title: Type.String(),
  body: Type.String(),
  category: NoticeCategory,
  pinned: Type.Boolean(),
  expiresAt: Nullable(DateTimeString),
  images: Type.Array(NoticeImage),
  authorName: Type.String({ description: 'the display name the committee member chose' }),
  postedAt: DateTimeString,
  updatedAt: DateTimeString,
  version: Type.Integer(),
  read: Type.Boolean({ description: 'by the asking parent' }),
})
export type Notice = Static<typeof Notice>

/** What the author and committee see in addition. */
export const CommitteeNotice = Type.Composite([
  Notice,
  Type.Object({
    readCount: Type.Integer({ description: 'linked parents who opened it' }),
    linkedParents: Type.Integer(),
    status: StringEnum(['published', 'withdrawn', 'taken_down', 'expired'] as const),
    takedownReason: Nullable(Type.String()),
    removedImages: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        position: Type.Integer({ minimum: 1, description: 'which image of the notice as posted (1 = the first)' }),
        reason: Type.String({ description: 'why WeChat content security hid it, for the author' }),
      }),
      { description: 'images hidden from parents because WeChat content security found them risky' },
    ),
  }),
])
export type CommitteeNotice = Static<typeof CommitteeNotice>

export const NoticeList = Type.Object({ items: Type.Array(Notice), unread: Type.Integer() })
export type NoticeList = Static<typeof NoticeList>
export const CommitteeNoticeList = Type.Object({ items: Type.Array(CommitteeNotice) })
export type CommitteeNoticeList = Static<typeof CommitteeNoticeList>

export const NoticeVersion = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  category: NoticeCategory,
  pinned: Type.Boolean(),
  expiresAt: Nullable(DateTimeString),
  savedAt: DateTimeString,
})
export const NoticeHistory = Type.Object({ items: Type.Array(NoticeVersion) })
export type NoticeHistory = Static<typeof NoticeHistory>

/** Unread notices over every institution the parent is linked to: the tab badge. */
export const UnreadCount = Type.Object({
  unread: Type.Integer(),
  byInstitution: Type.Array(Type.Object({ institutionId: Type.String(), name: Type.String(), unread: Type.Integer() })),
})
export type UnreadCount = Static<typeof UnreadCount>

export const ReportBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false })
export const TakedownBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false })
export const NoticeReport = Type.Object({
  id: Type.String({ format: 'uuid' }),
  noticeId: Type.String({ format: 'uuid' }),
  noticeTitle: Type.String(),
  institutionName: Type.String(),
  reason: Type.String(),
  reportedAt: DateTimeString,
  noticeStatus: Type.String(),
})
export const ReportReceipt = Type.Object({ id: Type.String({ format: 'uuid' }), reportedAt: DateTimeString })
export type ReportReceipt = Static<typeof ReportReceipt>
export const NoticeReportList = Type.Object({ items: Type.Array(NoticeReport) })
export type NoticeReportList = Static<typeof NoticeReportList>

export const CommitteeMeeting = Type.Object({ id: Type.String(), heldOn: DateString, title: Type.String(), minutes: Type.String() })
export type CommitteeMeeting = Static<typeof CommitteeMeeting>

/** The committee page on an institution: public. */
export const CommitteePage = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  committee: CommitteeStatus,
  members: Type.Array(Type.Object({ displayName: Type.String(), since: DateTimeString })),
  contact: Nullable(Type.String()),
  meetings: Type.Array(CommitteeMeeting),
})
export type CommitteePage = Static<typeof CommitteePage>
export const CommitteeProfileBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    contact: Type.Optional(Type.String({ maxLength: 200, description: 'how parents reach the committee (shared by the committee)' })),
  },
  { additionalProperties: false },
)
export type CommitteeProfileBody = Static<typeof CommitteeProfileBody>
export const MeetingBody = Type.Object(
  {
    heldOn: DateString,
    title: Type.String({ minLength: 2, maxLength: 80 }),
    minutes: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
)
export type MeetingBody = Static<typeof MeetingBody>

import { Type, type Static } from '@sinclair/typebox'
import { BIRTH_MONTH_PATTERN, DateString, DateTimeString, Nullable, StringEnum } from './common'

// 家长课堂 and 亲子活动 run by community health service centres (policy §3).
export const CLASS_TOPICS = [
  'early_development', // 早期发展
  'feeding_nutrition', // 喂养与营养
  'growth', // 生长发育
  'disease_prevention', // 疾病预防与接种
  'safety_first_aid', // 安全与急救
  'psychology', // 心理与情感
  'parent_child_play', // 亲子游戏
] as const
export const ClassTopic = StringEnum(CLASS_TOPICS)
export type ClassTopic = Static<typeof ClassTopic>

export const CLASS_KINDS = ['class', 'activity'] as const // 家长课堂 亲子活动
export const ClassKind = StringEnum(CLASS_KINDS)
export type ClassKind = Static<typeof ClassKind>

export const CLASS_MODES = ['offline', 'online'] as const // 线下 线上
export const ClassMode = StringEnum(CLASS_MODES)
export type ClassMode = Static<typeof ClassMode>

export const CLASS_STATUSES = ['scheduled', 'cancelled'] as const
export const ClassStatus = StringEnum(CLASS_STATUSES)
export type ClassStatus = Static<typeof ClassStatus>

/**
 * confirmed: holds a seat; waiting: on the waiting list (promoted to confirmed, in arrival order, when a seat frees);
 * cancelled: by the parent; class_cancelled: the centre cancelled the class; attended / absent: marked by the centre.
 */
export const SIGN_UP_STATUSES = ['confirmed', 'waiting', 'cancelled', 'class_cancelled', 'attended', 'absent'] as const
export const SignUpStatus = StringEnum(SIGN_UP_STATUSES)
export type SignUpStatus = Static<typeof SignUpStatus>

/** WeChat subscription message kinds; the parent accepts each with requestSubscribeMessage before signing up. */
export const CLASS_MESSAGE_KINDS = ['sign_up_confirmed', 'promoted', 'reminder', 'class_cancelled'] as const
export const ClassMessageKind = StringEnum(CLASS_MESSAGE_KINDS)
export type ClassMessageKind = Static<typeof ClassMessageKind>

export const ClassParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const SignUpParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** Near a point (lat+lng, nearest venue first, online classes after) or in a 市州/district (soonest first). */
export const ClassSearchQuery = Type.Object(
  {
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    radiusKm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 300, default: 30 })),
    cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    districtCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    topic: Type.Optional(ClassTopic),
    kind: Type.Optional(ClassKind),
    mode: Type.Optional(ClassMode),
    /** Only classes that suit a child born in this month, at the time of the class. */
    childBirthMonth: Type.Optional(Type.String({ pattern: BIRTH_MONTH_PATTERN })),
    /** Calendar days in China time, inclusive. Default: from today on. */
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type ClassSearchQuery = Static<typeof ClassSearchQuery>

export const ClassCentre = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  phone: Type.String(),
  districtName: Type.String(),
})

export const ParentingClass = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  kind: ClassKind,
  topic: ClassTopic,
  mode: ClassMode,
  centre: ClassCentre,
  cityCode: Type.String(),
  districtCode: Type.String(),
  /** Offline: the room and address; online: the platform (the join link is only given to confirmed parents). */
  venue: Type.String(),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  distanceKm: Nullable(Type.Number({ description: 'from the searched point; null online or without a point' })),
  startsAt: DateTimeString,
  endsAt: DateTimeString,
  /** Parents may cancel (and the seat goes to the waiting list) until this moment. */
  cancellableUntil: DateTimeString,
  speaker: Type.String({ description: 'name and title, e.g. 王丽 主任医师' }),
  minAgeMonths: Type.Integer(),
  maxAgeMonths: Type.Integer(),
  capacity: Type.Integer(),
  confirmedCount: Type.Integer(),
  seatsLeft: Type.Integer(),
  waitingCount: Type.Integer(),
  status: ClassStatus,
  cancelReason: Nullable(Type.String()),
})
export type ParentingClass = Static<typeof ParentingClass>

/** The asking parent's live sign-up for a class (confirmed or waiting), if any. */
export const MySignUpSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: SignUpStatus,
  waitingPosition: Nullable(Type.Integer({ description: '1 = next to be promoted' })),
})

export const ParentingClassDetail = Type.Composite([
  ParentingClass,
  Type.Object({
    description: Type.String(),
    /** Only for a parent with a confirmed seat in an online class. */
    onlineUrl: Nullable(Type.String()),
    mySignUp: Nullable(MySignUpSummary),
    updatedAt: DateTimeString,
  }),
])
export type ParentingClassDetail = Static<typeof ParentingClassDetail>

export const ClassSearchResult = Type.Object({
  items: Type.Array(ParentingClass),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
})
export type ClassSearchResult = Static<typeof ClassSearchResult>

/** One adult, optionally one child (one of the parent's children, for the age check and the centre's list). */
export const SignUpInput = Type.Object(
  {
    childId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    /** The message kinds the parent accepted in requestSubscribeMessage just before (WeChat only; H5 sends none). */
    subscribed: Type.Array(ClassMessageKind, { uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
)
export type SignUpInput = Static<typeof SignUpInput>

export const SignUp = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: SignUpStatus,
  waitingPosition: Nullable(Type.Integer()),
  child: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), nickname: Type.String() })),
  signedUpAt: DateTimeString,
  promotedAt: Nullable(DateTimeString),
  cancelledAt: Nullable(DateTimeString),
  class: ParentingClass,
})
export type SignUp = Static<typeof SignUp>

/** 我的报名: upcoming (class not ended, sign-up live), soonest first; past (ended, cancelled), newest first. */
export const MySignUps = Type.Object({ upcoming: Type.Array(SignUp), past: Type.Array(SignUp) })
export type MySignUps = Static<typeof MySignUps>

/** The template ids the app passes to requestSubscribeMessage; null when a kind has no template configured. */
export const MessageTemplates = Type.Object({
  sign_up_confirmed: Nullable(Type.String()),
  promoted: Nullable(Type.String()),
  reminder: Nullable(Type.String()),
  class_cancelled: Nullable(Type.String()),
})
export type MessageTemplates = Static<typeof MessageTemplates>

// ---- centre staff ----

// The editable fields of a class, shared by publishing (POST) and replacing (PUT).
const classFields = {
  title: Type.String({ minLength: 2, maxLength: 60 }),
  kind: ClassKind,
  topic: ClassTopic,
  mode: ClassMode,
  venue: Type.String({ minLength: 2, maxLength: 100 }),
  startsAt: DateTimeString,
  endsAt: DateTimeString,
  speaker: Type.String({ minLength: 2, maxLength: 60 }),
  minAgeMonths: Type.Integer({ minimum: 0, maximum: 36 }),
  maxAgeMonths: Type.Integer({ minimum: 0, maximum: 72 }),
  capacity: Type.Integer({ minimum: 1, maximum: 2000 }),
}
const DESCRIPTION_MAX = 3000
const address = Type.String({ minLength: 2, maxLength: 200 })
const lat = Type.Number({ minimum: 38, maximum: 47 })
const lng = Type.Number({ minimum: 121, maximum: 132 })
const onlineUrl = Type.String({ pattern: '^https://', maxLength: 500 })

export const ClassInput = Type.Object(
  {
    centreId: Type.String({ format: 'uuid', description: "one of the staff member's centres" }),
    ...classFields,
    description: Type.String({ maxLength: DESCRIPTION_MAX, default: '' }),
    /** Offline: defaults to the centre's address and position when omitted. */
    address: Type.Optional(address),
    lat: Type.Optional(lat),
    lng: Type.Optional(lng),
    onlineUrl: Type.Optional(onlineUrl),
    /** Default: 2 hours before the start. */
    cancellableUntil: Type.Optional(DateTimeString),
  },
  { additionalProperties: false },
)
export type ClassInput = Static<typeof ClassInput>

/**
 * PUT /centre/classes/:id: the whole class as it is to be from now on (its centre stays). Every field is required and
 * none has a default, so a field left out is refused rather than silently reset. Offline, null address, lat and lng
 * mean the centre's. A larger capacity promotes waiting parents at once; below the confirmed count is refused.
 */
export const ClassReplacement = Type.Object(
  {
    ...classFields,
    description: Type.String({ maxLength: DESCRIPTION_MAX }),
    address: Nullable(address),
    lat: Nullable(lat),
    lng: Nullable(lng),
    onlineUrl: Nullable(onlineUrl),
    cancellableUntil: DateTimeString,
  },
  { additionalProperties: false },
)
export type ClassReplacement = Static<typeof ClassReplacement>

export const CancelClassBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false })
export type CancelClassBody = Static<typeof CancelClassBody>

export const CentreClassQuery = Type.Object(
  {
    centreId: Type.Optional(Type.String({ format: 'uuid' })),
    when: Type.Optional(StringEnum(['upcoming', 'past', 'all'] as const, { default: 'upcoming' })),
  },
  { additionalProperties: false },
)
export const CentreClassList = Type.Object({ items: Type.Array(ParentingClass) })
export type CentreClassList = Static<typeof CentreClassList>

/** What the centre sees of a sign-up: enough to run the class, no more (phone masked, child by nickname and age). */
export const RosterEntry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: SignUpStatus,
  waitingPosition: Nullable(Type.Integer()),
  parentPhoneMasked: Nullable(Type.String({ description: '138****8000; null for WeChat-only accounts' })),
  childNickname: Nullable(Type.String()),
  childAgeMonths: Nullable(Type.Integer({ description: 'at the class date' })),
  signedUpAt: DateTimeString,
})
export type RosterEntry = Static<typeof RosterEntry>
export const Roster = Type.Object({
  classId: Type.String({ format: 'uuid' }),
  capacity: Type.Integer(),
  confirmedCount: Type.Integer(),
  waitingCount: Type.Integer(),
  items: Type.Array(RosterEntry, { description: 'confirmed and attended/absent first, then waiting in order, then cancelled' }),
})
export type Roster = Static<typeof Roster>

export const AttendanceBody = Type.Object({ attended: Type.Boolean() }, { additionalProperties: false })
export type AttendanceBody = Static<typeof AttendanceBody>

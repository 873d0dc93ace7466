import type { ColumnType, Generated } from 'kysely'
import type { ArticleKind, Block } from '../../types/articles'
import type { ClassKind, ClassMode, ClassStatus, ClassTopic, SignUpStatus } from '../../types/classes'
import type { ComplaintCategory, ComplaintStatus, Department, Outcome, TimelineEntry } from '../../types/complaints'
import type { GuidanceService, GuidanceStatus, TimeWindow } from '../../types/guidance'
import type {
  ClassType,
  FeeItemKind,
  FeeItemUnit,
  FeeUnit,
  InstitutionKind,
  Ownership,
  ProfitType,
  RegisteringAuthority,
  Sanction,
  SanctionKind,
  ServiceForm,
  StaffRole,
} from '../../types/institutions'
import type { NoticeCategory } from '../../types/notices'
import type { SignInMethod } from '../../types/auth'

/** Dates come back as 'YYYY-MM-DD' strings and timestamps as ISO strings on both drivers (see connect.ts). */
type DateColumn = ColumnType<string, string, string>
type Timestamp = ColumnType<string, string | undefined, string>

export interface RegionsTable {
  code: string
  parentCode: string | null
  name: string
  shortName: string
  lat: number
  lng: number
  sort: number
}

export interface GradeLevelsTable {
  code: string
  label: string
  rank: number
  minScore: number
}

export interface GradeDimensionsTable {
  code: string
  name: string
  maxScore: number
  sort: number
}

export interface InstitutionsTable {
  id: Generated<string>
  creditCode: string
  name: string
  kind: InstitutionKind
  ownership: Ownership
  profit: ProfitType
  inclusive: boolean
  demonstration: boolean
  registeringAuthority: RegisteringAuthority
  filedOn: DateColumn
  filingAuthority: string
  cityCode: string
  districtCode: string
  address: string
  lat: number
  lng: number
  phone: string
  description: string
  refundPolicy: string
  prepaymentTerms: string
  committeeEstablishedOn: DateColumn | null
  isDemo: boolean
  serviceForms: ServiceForm[]
  monthlyFeeMin: number | null
  monthlyFeeMax: number | null
  freePlaces: number
  breachesLimits: boolean
  gradeLevel: string | null
  gradeRank: number | null
  gradeScore: number | null
  gradedOn: DateColumn | null
  gradeValidUntil: DateColumn | null
  staffUpdatedAt: Timestamp
  vacanciesUpdatedAt: Timestamp
  updatedAt: Timestamp
}

export interface InstitutionServicesTable {
  institutionId: string
  form: ServiceForm
  hours: string
  days: string
  fee: number
  feeUnit: FeeUnit
  updatedAt: Timestamp
}

export interface InstitutionClassFeesTable {
  institutionId: string
  form: ServiceForm
  classType: ClassType
  amount: number
}

export interface InstitutionFeeItemsTable {
  institutionId: string
  position: number
  item: FeeItemKind
  amount: number
  unit: FeeItemUnit
  note: string
}

export interface InstitutionClassesTable {
  institutionId: string
  position: number
  type: ClassType
  name: string
  minAgeMonths: number
  maxAgeMonths: number
  capacity: number
  enrolled: number
  caregivers: number
  updatedAt: Timestamp
}

export interface InstitutionStaffTable {
  institutionId: string
  role: StaffRole
  count: number
}

export interface EvaluationsTable {
  institutionId: string
  round: string
  evaluatedOn: DateColumn
  validUntil: DateColumn
  level: string
  score: number
  department: string
  dimensionScores: ColumnType<Record<string, number>, string, string>
}

export interface SanctionsTable {
  institutionId: string
  kind: SanctionKind
  measure: string
  reason: string
  department: string
  decidedOn: DateColumn
}

/** Which institutions changed, for every instance's in-memory nearby search; written by triggers only. */
export interface InstitutionChangesTable {
  seq: Generated<number>
  /** The writing transaction's id (pg_current_xact_id). */
  tx: Generated<number>
  /** null: reference data changed, reload everything. */
  institutionId: string | null
  changedAt: Generated<string>
}

export interface UsersTable {
  id: Generated<string>
  wechatOpenid: string | null
  phone: string | null
  createdAt: Timestamp
  lastSignInAt: Timestamp
}

export interface SessionsTable {
  id: Generated<string>
  userId: string
  refreshTokenHash: string
  method: SignInMethod
  createdAt: Timestamp
  expiresAt: Timestamp
  revokedAt: Timestamp | null
}

export interface LoginCodesTable {
  id: Generated<number>
  phone: string
  codeHash: string
  requestedIp: string
  createdAt: Timestamp
  expiresAt: Timestamp
  failedAttempts: Generated<number>
  consumedAt: Timestamp | null
}

export interface HealthCentresTable {
  id: Generated<string>
  name: string
  cityCode: string
  districtCode: string
  address: string
  lat: number
  lng: number
  phone: string
  isDemo: boolean
}

export interface RoleGrantsTable {
  id: Generated<string>
  userId: string
  role: 'committee' | 'centre_staff' | 'regulator'
  institutionId: string | null
  centreId: string | null
  regionCode: string | null
  grantedBy: string | null
  grantedAt: Timestamp
  revokedBy: string | null
  revokedAt: Timestamp | null
}

export interface InvitationsTable {
  code: string
  institutionId: string
  createdBy: string | null
  createdAt: Timestamp
  expiresAt: Timestamp
  maxUses: number
  uses: Generated<number>
  revokedAt: Timestamp | null
}

export interface InstitutionLinksTable {
  userId: string
  institutionId: string
  invitationCode: string | null
  linkedAt: Timestamp
}

export interface PrivacyPoliciesTable {
  version: string
  publishedAt: Timestamp
  title: string
  body: string
}

export interface ConsentsTable {
  id: Generated<number>
  userId: string
  kind: 'privacy_policy' | 'child_data'
  policyVersion: string
  action: 'accept' | 'withdraw'
  at: Timestamp
}

export interface ChildrenTable {
  id: Generated<string>
  userId: string
  nickname: string
  birthMonth: string
  createdAt: Timestamp
}

export interface FavouritesTable {
  userId: string
  institutionId: string
  createdAt: Timestamp
}

export interface ComplaintsTable {
  id: Generated<string>
  trackingNumber: string
  secretHash: string
  idempotencyKey: string
  reporterUserId: string | null
  anonymous: boolean
  contactPhone: string | null
  institutionId: string | null
  providerName: string | null
  providerAddress: string | null
  cityCode: string
  category: ComplaintCategory
  description: string
  occurredAt: ColumnType<string, string, string>
  filedAt: Timestamp
  urgent: boolean
  departments: Department[]
  status: ComplaintStatus
  acceptBy: DateColumn
  replyBy: DateColumn
  reply: string | null
  rejectionReason: string | null
  outcome: Outcome | null
  ratingScore: number | null
  ratingComment: string | null
  ratedAt: Timestamp | null
  sanction: ColumnType<Sanction | null, string | null, string | null>
  sanctionPublishedAt: Timestamp | null
}

export interface ComplaintAdditionsTable {
  id: Generated<number>
  complaintId: string
  text: string
  at: Timestamp
}

export interface ComplaintPhotosTable {
  id: Generated<string>
  complaintId: string | null
  additionId: number | null
  storageKey: string
  contentType: string
  bytes: number
  uploadedAt: Timestamp
}

export interface ComplaintEventsTable {
  id: Generated<number>
  complaintId: string
  type: TimelineEntry['type']
  fromStatus: ComplaintStatus | null
  toStatus: ComplaintStatus | null
  actor: 'reporter' | 'regulator' | 'system'
  actorUserId: string | null
  department: Department | null
  note: string | null
  at: Timestamp
}

export interface NoticesTable {
  id: Generated<string>
  institutionId: string
  authorUserId: string | null
  authorName: string
  category: NoticeCategory
  title: string
  body: string
  pinned: boolean
  expiresAt: Timestamp | null
  version: Generated<number>
  postedAt: Timestamp
  updatedAt: Timestamp
  withdrawnAt: Timestamp | null
  takenDownAt: Timestamp | null
  takenDownBy: string | null
  takedownReason: string | null
}

/** A notice's fields as they were at one version. */
export interface NoticeVersionsTable extends Pick<NoticesTable, 'category' | 'title' | 'body' | 'pinned' | 'expiresAt'> {
  noticeId: string
  version: number
  savedAt: Timestamp
}

export interface NoticeImagesTable {
  id: Generated<string>
  noticeId: string | null
  uploadedBy: string | null
  storageKey: string
  contentType: string
  bytes: number
  uploadedAt: Timestamp
  /** WeChat's verdict (mediaCheckAsync): pending until pushed; risky images are hidden from readers. */
  moderation: ColumnType<'pending' | 'pass' | 'review' | 'risky', 'pending' | 'pass' | 'review' | 'risky' | undefined, 'pending' | 'pass' | 'review' | 'risky'>
  moderationLabel: number | null
  moderatedAt: Timestamp | null
}

/** Trace ids of WeChat image checks, with what was checked and, once pushed, the verdict. */
export interface WechatMediaChecksTable {
  traceId: string
  subjectKind: string | null
  subjectId: string | null
  requestedAt: Timestamp | null
  suggest: string | null
  label: number | null
  resultAt: Timestamp | null
}

export interface NoticeReadsTable {
  noticeId: string
  userId: string
  readAt: Timestamp
}

export interface NoticeReportsTable {
  id: Generated<string>
  noticeId: string
  reporterUserId: string | null
  reason: string
  reportedAt: Timestamp
}

export interface CommitteeProfilesTable {
  institutionId: string
  contact: string | null
  updatedAt: Timestamp
}

export interface CommitteeMemberNamesTable {
  userId: string
  institutionId: string
  displayName: string
}

export interface CommitteeMeetingsTable {
  id: Generated<string>
  institutionId: string
  heldOn: DateColumn
  title: string
  minutes: string
  createdBy: string | null
  createdAt: Timestamp
}

export interface GuidanceRequestsTable {
  id: Generated<string>
  userId: string
  childId: string
  service: GuidanceService
  status: Generated<GuidanceStatus>
  timeWindows: ColumnType<TimeWindow[], string, string>
  districtCode: string
  address: string
  contactPhone: string
  note: string
  centreId: string | null
  scheduledAt: Timestamp | null
  staffName: string | null
  declineReason: string | null
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface GuidanceEventsTable {
  id: Generated<number>
  requestId: string
  status: GuidanceStatus
  note: string | null
  actor: 'parent' | 'centre'
  actorUserId: string | null
  at: Timestamp
}

export interface ArticlesTable {
  id: Generated<string>
  seedKey: string | null
  kind: ArticleKind
  title: string
  summary: string
  tags: string[]
  sourceDepartment: string
  documentNumber: string | null
  effectiveOn: DateColumn | null
  body: string
  /** Block[] as JSON: written as a JSON string, read back parsed. */
  blocks: ColumnType<Block[], string, string>
  publishAt: Timestamp | null
  pinned: boolean
  withdrawnAt: Timestamp | null
  withdrawnBy: string | null
  regionCode: string
  createdBy: string | null
  createdAt: Timestamp
  version: Generated<number>
  updatedBy: string | null
  updatedAt: Timestamp
  /** tsvector, always written as an SQL expression (see articles/repository.ts). */
  searchVector: string
}

/** An article's fields as they were at one version: the body as written, not its parsed blocks. */
export interface ArticleVersionsTable extends Pick<
  ArticlesTable,
  'kind' | 'title' | 'summary' | 'tags' | 'sourceDepartment' | 'documentNumber' | 'effectiveOn' | 'body' | 'publishAt' | 'pinned'
> {
  articleId: string
  version: number
  savedAt: Timestamp
  savedBy: string | null
}

export interface ParentingClassesTable {
  id: Generated<string>
  centreId: string
  title: string
  kind: ClassKind
  topic: ClassTopic
  mode: ClassMode
  description: string
  venue: string
  address: string | null
  lat: number | null
  lng: number | null
  onlineUrl: string | null
  startsAt: ColumnType<string, string, string>
  endsAt: ColumnType<string, string, string>
  cancellableUntil: ColumnType<string, string, string>
  speaker: string
  minAgeMonths: number
  maxAgeMonths: number
  capacity: number
  confirmedCount: Generated<number>
  lastQueueNumber: Generated<number>
  status: Generated<ClassStatus>
  cancelReason: string | null
  cancelledAt: Timestamp | null
  version: Generated<number>
  isDemo: Generated<boolean>
  demoKey: string | null
  createdBy: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface ClassSignUpsTable {
  id: Generated<string>
  classId: string
  userId: string | null
  childId: string | null
  status: SignUpStatus
  queueNumber: number
  subscribed: ColumnType<string[], string[] | undefined, string[]>
  signedUpAt: Timestamp
  promotedAt: Timestamp | null
  cancelledAt: Timestamp | null
  attendanceMarkedAt: Timestamp | null
}

export interface JobsTable {
  id: Generated<string>
  kind: string
  payload: ColumnType<Record<string, unknown>, string | undefined, string>
  runAt: Timestamp
  dedupeKey: string | null
  attempts: Generated<number>
  lastError: string | null
  lockedBy: string | null
  lockedUntil: Timestamp | null
  doneAt: Timestamp | null
  createdAt: Timestamp
}

export interface BulletinsTable {
  id: Generated<string>
  round: string
  title: string
  department: string
  cityCode: string | null
  publishedOn: DateColumn
  intro: string
  createdBy: string | null
  createdAt: Timestamp
}

export interface SubsidyProgrammesTable {
  id: Generated<string>
  name: string
  level: 'national' | 'province' | 'city'
  cityCode: string | null
  amountPerMonthYuan: number
  fromMonth: string
  toMonth: string | null
  ageFromMonths: number
  ageToMonths: number
  eligibility: string
  documents: ColumnType<string[], string[] | undefined, string[]>
  howToApply: string
  paymentNote: string
  officialUrl: string | null
  miniProgramAppId: string | null
  miniProgramPath: string | null
  renewYearly: boolean
  sourceDocument: string
  sourcePublishedOn: DateColumn
  checkedOn: DateColumn
  createdBy: string | null
  createdAt: Timestamp
  updatedBy: string | null
  updatedAt: Timestamp
}

export interface SubsidyProgrammeVersionsTable {
  id: Generated<string>
  programmeId: string
  content: ColumnType<unknown, string, string>
  savedBy: string | null
  savedAt: Timestamp
}

export interface PrepaymentRulesTable {
  regionCode: string
  maxMonths: number
  escrowAboveYuan: number | null
  ruleText: string
  sourceDocument: string
  sourcePublishedOn: DateColumn
  checkedOn: DateColumn
  isDemo: Generated<boolean>
  updatedBy: string | null
  updatedAt: Timestamp
}

export interface InstitutionPrepaymentsTable {
  institutionId: string
  longestPrepaymentMonths: number
  escrowBank: string | null
  modelContract: boolean
  checkedOn: DateColumn
  checkedBy: string | null
  updatedAt: Timestamp
}

export interface PrepaymentVersionsTable {
  id: Generated<string>
  kind: 'rule' | 'institution'
  subject: string
  content: ColumnType<unknown, string, string>
  savedBy: string | null
  savedAt: Timestamp
}

export interface GuidePricesTable {
  id: Generated<string>
  cityCode: string
  scope: 'inclusive' | 'public'
  classType: ClassType
  form: 'full_day' | 'half_day'
  capYuan: number
  sourceDocument: string
  validFrom: DateColumn
  validTo: DateColumn | null
  checkedOn: DateColumn
  createdBy: string | null
  updatedBy: string | null
  updatedAt: Timestamp
}

export interface GuidePriceVersionsTable {
  id: Generated<string>
  guidePriceId: string
  content: ColumnType<unknown, string, string>
  savedBy: string | null
  savedAt: Timestamp
}

export interface Database {
  regions: RegionsTable
  gradeLevels: GradeLevelsTable
  gradeDimensions: GradeDimensionsTable
  institutions: InstitutionsTable
  institutionServices: InstitutionServicesTable
  institutionClassFees: InstitutionClassFeesTable
  institutionFeeItems: InstitutionFeeItemsTable
  institutionClasses: InstitutionClassesTable
  institutionStaff: InstitutionStaffTable
  evaluations: EvaluationsTable
  sanctions: SanctionsTable
  institutionChanges: InstitutionChangesTable
  users: UsersTable
  sessions: SessionsTable
  loginCodes: LoginCodesTable
  healthCentres: HealthCentresTable
  roleGrants: RoleGrantsTable
  invitations: InvitationsTable
  institutionLinks: InstitutionLinksTable
  privacyPolicies: PrivacyPoliciesTable
  consents: ConsentsTable
  children: ChildrenTable
  favourites: FavouritesTable
  complaints: ComplaintsTable
  complaintAdditions: ComplaintAdditionsTable
  complaintPhotos: ComplaintPhotosTable
  complaintEvents: ComplaintEventsTable
  notices: NoticesTable
  noticeVersions: NoticeVersionsTable
  noticeImages: NoticeImagesTable
  wechatMediaChecks: WechatMediaChecksTable
  noticeReads: NoticeReadsTable
  noticeReports: NoticeReportsTable
  committeeProfiles: CommitteeProfilesTable
  committeeMemberNames: CommitteeMemberNamesTable
  committeeMeetings: CommitteeMeetingsTable
  parentingClasses: ParentingClassesTable
  classSignUps: ClassSignUpsTable
  jobs: JobsTable
  guidanceRequests: GuidanceRequestsTable
  guidanceEvents: GuidanceEventsTable
  articles: ArticlesTable
  articleVersions: ArticleVersionsTable
  bulletins: BulletinsTable
  subsidyProgrammes: SubsidyProgrammesTable
  subsidyProgrammeVersions: SubsidyProgrammeVersionsTable
  prepaymentRules: PrepaymentRulesTable
  institutionPrepayments: InstitutionPrepaymentsTable
  prepaymentVersions: PrepaymentVersionsTable
  guidePrices: GuidePricesTable
  guidePriceVersions: GuidePriceVersionsTable
}

import { Type, type Static } from '@sinclair/typebox'
import { BIRTH_MONTH_PATTERN, DateTimeString, Nullable, StringEnum } from './common'
import { SignUp } from './classes'
import { GuidanceRequest } from './guidance'

export const ROLES = ['parent', 'committee', 'centre_staff', 'regulator'] as const
export const Role = StringEnum(ROLES)
export type Role = Static<typeof Role>
export const CONSENT_KINDS = ['privacy_policy', 'child_data'] as const
export const ConsentKind = StringEnum(CONSENT_KINDS)
export type ConsentKind = Static<typeof ConsentKind>

/** A role other than parent, with what it applies to. */
export const RoleGrant = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: StringEnum(['committee', 'centre_staff', 'regulator'] as const),
  institutionId: Nullable(Type.String()),
  institutionName: Nullable(Type.String()),
  centreId: Nullable(Type.String()),
  centreName: Nullable(Type.String()),
  regionCode: Nullable(Type.String({ description: '220000 is the whole province' })),
  regionName: Nullable(Type.String()),
  grantedAt: DateTimeString,
  grantedBy: Nullable(Type.String({ description: 'user id of the regulator who granted it' })),
})
export type RoleGrant = Static<typeof RoleGrant>

export const ConsentStatus = Type.Object({
  currentVersion: Type.String(),
  acceptedVersion: Nullable(Type.String()),
  acceptedAt: Nullable(DateTimeString),
  /** True when never accepted, withdrawn, or accepted for an older version of the policy. */
  needed: Type.Boolean(),
})
export type ConsentStatus = Static<typeof ConsentStatus>

export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  phone: Nullable(Type.String({ description: 'masked' })),
  wechat: Type.Boolean(),
  roles: Type.Array(Role),
  grants: Type.Array(RoleGrant),
  consents: Type.Object({ privacyPolicy: ConsentStatus, childData: ConsentStatus }),
  createdAt: DateTimeString,
})
export type Me = Static<typeof Me>

export const ConsentBody = Type.Object(
  {
    kind: ConsentKind,
    version: Type.String({ minLength: 1, maxLength: 40 }),
    action: StringEnum(['accept', 'withdraw'] as const),
  },
  { additionalProperties: false },
)
export type ConsentBody = Static<typeof ConsentBody>

export { BIRTH_MONTH_PATTERN }

/** POST /me/children, and PUT /me/children/:id, which replaces both fields. */
export const ChildInput = Type.Object(
  {
    nickname: Type.String({ minLength: 1, maxLength: 12, description: 'a nickname, never a full name' }),
    birthMonth: Type.String({ pattern: BIRTH_MONTH_PATTERN, description: 'YYYY-MM' }),
  },
  { additionalProperties: false },
)
export type ChildInput = Static<typeof ChildInput>

export const Child = Type.Object({
  id: Type.String({ format: 'uuid' }),
  nickname: Type.String(),
  birthMonth: Type.String(),
  ageMonths: Type.Integer(),
  createdAt: DateTimeString,
})
export type Child = Static<typeof Child>
export const ChildList = Type.Object({ items: Type.Array(Child) })
export type ChildList = Static<typeof ChildList>
export const ChildParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const LinkBody = Type.Object(
  { code: Type.String({ pattern: '^[A-Za-z0-9]{8}$', description: 'invitation code from the institution' }) },
  { additionalProperties: false },
)
export type LinkBody = Static<typeof LinkBody>
export const LinkedInstitution = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  districtName: Type.String(),
  linkedAt: DateTimeString,
})
export type LinkedInstitution = Static<typeof LinkedInstitution>
export const LinkedInstitutionList = Type.Object({ items: Type.Array(LinkedInstitution) })
export type LinkedInstitutionList = Static<typeof LinkedInstitutionList>
export const InstitutionIdParams = Type.Object({ institutionId: Type.String({ format: 'uuid' }) })

export const FavouriteIds = Type.Object(
  { institutionIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200, uniqueItems: true }) },
  { additionalProperties: false },
)
export type FavouriteIds = Static<typeof FavouriteIds>

/** The answer to POST /me/consents: the new status, and what the change did (withdrawing child_data deletes the children). */
export const ConsentChange = Type.Composite([ConsentStatus, Type.Object({ childrenDeleted: Type.Integer(), message: Type.String() })])
export type ConsentChange = Static<typeof ConsentChange>

/** GET /me/export: everything held about the user (their own phone unmasked; never token hashes). */
export const MeExport = Type.Object({
  exportedAt: DateTimeString,
  account: Type.Object({
    id: Type.String({ format: 'uuid' }),
    phone: Nullable(Type.String()),
    wechatLinked: Type.Boolean(),
    createdAt: DateTimeString,
    lastSignInAt: DateTimeString,
  }),
  sessions: Type.Array(Type.Object({ createdAt: DateTimeString, method: Type.String(), expiresAt: DateTimeString, revokedAt: Nullable(DateTimeString) })),
  roleGrants: Type.Array(Type.Composite([RoleGrant, Type.Object({ revokedAt: Nullable(DateTimeString) })])),
  consents: Type.Array(
    Type.Object({ kind: ConsentKind, policyVersion: Type.String(), action: StringEnum(['accept', 'withdraw'] as const), at: DateTimeString }),
  ),
  children: Type.Array(Child),
  institutionLinks: Type.Array(LinkedInstitution),
  favourites: Type.Array(Type.Object({ institutionId: Type.String({ format: 'uuid' }), name: Type.String(), createdAt: DateTimeString })),
  /** Complaints filed signed in and not anonymously; anonymous ones are not linked to anybody. */
  complaints: Type.Array(
    Type.Object({
      trackingNumber: Type.String(),
      category: Type.String(),
      status: Type.String(),
      description: Type.String(),
      contactPhone: Nullable(Type.String()),
      filedAt: DateTimeString,
    }),
  ),
  classSignUps: Type.Array(SignUp),
  guidanceRequests: Type.Array(GuidanceRequest),
  heldElsewhere: Type.Array(Type.String(), { description: 'what else the service holds about the user, and where' }),
})
export type MeExport = Static<typeof MeExport>

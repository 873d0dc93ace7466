import { Type, type Static } from '@sinclair/typebox'
import { DateTimeString, Nullable, StringEnum } from './common'
import { PHONE_PATTERN } from './auth'
import { RoleGrant } from './me'

export const GRANTABLE_ROLES = ['committee', 'centre_staff', 'regulator'] as const
export const PROVINCE_CODE = '220000'

/** A regulator grants a role to a signed-up user, found by id or phone; the scope field must match the role. */
export const GrantRoleBody = Type.Object(
  {
    userId: Type.Optional(Type.String({ format: 'uuid' })),
    phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN })),
    role: StringEnum(GRANTABLE_ROLES),
    institutionId: Type.Optional(Type.String({ format: 'uuid', description: 'committee' })),
    centreId: Type.Optional(Type.String({ format: 'uuid', description: 'centre_staff' })),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'regulator: a 市州 code, or 220000 for the province' })),
  },
  { additionalProperties: false },
)
export type GrantRoleBody = Static<typeof GrantRoleBody>

export const GrantRecord = Type.Composite([
  RoleGrant,
  Type.Object({ userId: Type.String({ format: 'uuid' }), revokedAt: Nullable(DateTimeString), revokedBy: Nullable(Type.String()) }),
])
export type GrantRecord = Static<typeof GrantRecord>
export const GrantList = Type.Object({ items: Type.Array(GrantRecord) })
export type GrantList = Static<typeof GrantList>
export const GrantParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const HealthCentre = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  cityCode: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  address: Type.String(),
  phone: Type.String(),
})
export type HealthCentre = Static<typeof HealthCentre>
export const HealthCentreList = Type.Object({ items: Type.Array(HealthCentre) })
export type HealthCentreList = Static<typeof HealthCentreList>

export const CreateInvitationBody = Type.Object(
  {
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    validDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 30 })),
  },
  { additionalProperties: false },
)
export type CreateInvitationBody = Static<typeof CreateInvitationBody>
export const Invitation = Type.Object({
  code: Type.String(),
  institutionId: Type.String({ format: 'uuid' }),
  expiresAt: DateTimeString,
  maxUses: Type.Integer(),
  uses: Type.Integer(),
})
export type Invitation = Static<typeof Invitation>

export const GrantListQuery = Type.Object(
  {
    role: Type.Optional(StringEnum(GRANTABLE_ROLES)),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'a 市州 code, or 220000 for provincial grants' })),
    institutionId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
)
export type GrantListQuery = Static<typeof GrantListQuery>

export const HealthCentreQuery = Type.Object(
  {
    city: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: '市州 code' })),
  },
  { additionalProperties: false },
)
export type HealthCentreQuery = Static<typeof HealthCentreQuery>

export const InvitationList = Type.Object({ items: Type.Array(Invitation) })
export type InvitationList = Static<typeof InvitationList>
export const InvitationParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String({ pattern: '^[A-Za-z0-9]{8}$' }),
})
export type InvitationParams = Static<typeof InvitationParams>

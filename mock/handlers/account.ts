import { http, HttpResponse, type PathParams } from 'msw'
import type { PhoneCodeSent, SessionTokens } from '../../types/auth'
import type { ErrorResponse } from '../../types/common'
import type { Child, ChildInput, ConsentBody, ConsentKind, ConsentStatus, LinkedInstitution, Me, RoleGrant } from '../../types/me'
import { BIRTH_MONTH_PATTERN } from '../../types/me'
import { PHONE_PATTERN } from '../../types/auth'
import { institutionFixtures } from '../fixtures/app'
import { invitationFixtures, privacyPolicyFixture } from '../fixtures/app/account'
import { ageInMonths } from './search'

/**
 * An in-memory imitation of the BFF's account endpoints (/auth, /me, /privacy-policy), close enough to the
 * contract for the app's tests and the H5 preview. The phone code is always MOCK_PHONE_CODE.
 * Tests read and shape the state through `accountMock`; test/setup-app.ts resets it after each test.
 */

export const MOCK_PHONE_CODE = '123456'
/** In the H5 preview this number signs in as a parent-committee member of the first demo institution (invitation code JLTY2026). */
export const DEMO_COMMITTEE_PHONE = '13900000000'
/** The number WeChat "verifies" for 微信手机号快捷登录 (POST /auth/wechat/phone) in the mock. */
export const MOCK_WECHAT_PHONE = '13700000001'
export const ACCESS_TOKEN_SECONDS = 15 * 60
const RESEND_SECONDS = 60

type Consent = { version: string; at: string } | null
type MockUser = {
  id: string
  phone: string | null
  wechat: boolean
  createdAt: string
  consents: Record<ConsentKind, Consent>
  children: Child[]
  links: LinkedInstitution[]
  favourites: string[]
  grants: RoleGrant[]
}

const api = (path: string) => `*/api${path}`
let counter = 0
const nextId = () => {
  counter += 1
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
}

function fresh() {
  return {
    users: new Map<string, MockUser>(),
    access: new Map<string, { userId: string; expiresAt: number }>(),
    refresh: new Map<string, string>(),
    codes: new Map<string, number>(),
    policyVersion: privacyPolicyFixture.version,
    childDataVersion: '2026-11-28',
  }
}

let state = fresh()

function error(statusCode: number, message: string, errorName?: string, headers?: Record<string, string>) {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests' }
  const body: ErrorResponse = { statusCode, error: errorName ?? names[statusCode] ?? 'Error', message }
  return HttpResponse.json(body, { status: statusCode, headers })
}

function issue(user: MockUser, isNewUser: boolean): SessionTokens {
  const accessToken = `access-${nextId()}`
  const refreshToken = `refresh-${nextId()}-${Math.random().toString(36).slice(2)}`
  const expiresAt = Date.now() + ACCESS_TOKEN_SECONDS * 1000
  state.access.set(accessToken, { userId: user.id, expiresAt })
  state.refresh.set(refreshToken, user.id)
  return {
    accessToken,
    accessTokenExpiresAt: new Date(expiresAt).toISOString(),
    refreshToken,
    refreshTokenExpiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    userId: user.id,
    isNewUser,
  }
}

function newUser(patch: Partial<MockUser>): MockUser {
  const user: MockUser = {
    id: nextId(),
    phone: null,
    wechat: false,
    createdAt: new Date().toISOString(),
    consents: { privacy_policy: null, child_data: null },
    children: [],
    links: [],
    favourites: [],
    grants: [],
    ...patch,
  }
  state.users.set(user.id, user)
  return user
}

function userOf(request: Request): MockUser | null {
  const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
  const session = token ? state.access.get(token) : undefined
  if (!session || session.expiresAt < Date.now()) return null
  return state.users.get(session.userId) ?? null
}

const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`

function consentStatus(consent: Consent, currentVersion: string): ConsentStatus {
  return { currentVersion, acceptedVersion: consent?.version ?? null, acceptedAt: consent?.at ?? null, needed: consent?.version !== currentVersion }
}

function toMe(user: MockUser): Me {
  return {
    id: user.id,
    phone: user.phone ? mask(user.phone) : null,
    wechat: user.wechat,
    roles: ['parent', ...new Set(user.grants.map((grant) => grant.role))],
    grants: user.grants,
    consents: {
      privacyPolicy: consentStatus(user.consents.privacy_policy, state.policyVersion),
      childData: consentStatus(user.consents.child_data, state.childDataVersion),
    },
    createdAt: user.createdAt,
  }
}

const withAge = (child: Child): Child => ({ ...child, ageMonths: ageInMonths(child.birthMonth) })

/** Wraps a handler that needs a signed-in user: 401 otherwise, like the BFF's `authenticate`. */
function authed(handler: (args: { request: Request; params: Record<string, string>; user: MockUser }) => Response | Promise<Response>) {
  return ({ request, params }: { request: Request; params: PathParams }) => {
    const user = userOf(request)
    if (!user) return error(401, '请先登录 (sign-in required)')
    return handler({ request, params: params as Record<string, string>, user })
  }
}

function validChild(body: Partial<ChildInput>): string | null {
  if (typeof body.nickname !== 'string' || body.nickname.length < 1 || body.nickname.length > 12) return 'nickname'
  if (typeof body.birthMonth !== 'string' || !new RegExp(BIRTH_MONTH_PATTERN).test(body.birthMonth)) return 'birthMonth'
  return null
}

export const accountHandlers = [
  http.post(api('/auth/wechat'), async ({ request }) => {
    const { code } = (await request.json()) as { code?: string }
    if (!code) return error(400, 'code is required')
    const existing = [...state.users.values()].find((u) => u.wechat && u.phone === null)
    const user = existing ?? newUser({ wechat: true })
    return HttpResponse.json(issue(user, !existing))
  }),

  http.post(api('/auth/wechat/phone'), async ({ request }) => {
    const { phoneCode, loginCode } = (await request.json()) as { phoneCode?: string; loginCode?: string }
    if (!phoneCode) return error(400, 'phoneCode is required')
    if (!loginCode) return error(400, 'loginCode is required')
    const existing = [...state.users.values()].find((u) => u.phone === MOCK_WECHAT_PHONE)
    const user = existing ?? newUser({ phone: MOCK_WECHAT_PHONE, wechat: true })
    return HttpResponse.json(issue(user, !existing))
  }),

  http.post(api('/auth/phone/code'), async ({ request }) => {
    const { phone } = (await request.json()) as { phone?: string }
    if (!phone || !new RegExp(PHONE_PATTERN).test(phone)) return error(400, 'phone must match pattern')
    const sentAt = state.codes.get(phone)
    const wait = sentAt ? Math.ceil((sentAt + RESEND_SECONDS * 1000 - Date.now()) / 1000) : 0
    if (wait > 0) return error(429, `请 ${wait} 秒后再试`, undefined, { 'retry-after': String(wait) })
    state.codes.set(phone, Date.now())
    const sent: PhoneCodeSent = { sentTo: mask(phone), expiresInSeconds: 300, resendAfterSeconds: RESEND_SECONDS }
    return HttpResponse.json(sent)
  }),

  http.post(api('/auth/phone'), async ({ request }) => {
    const { phone, code } = (await request.json()) as { phone?: string; code?: string }
    if (!phone || !code || !state.codes.has(phone) || code !== MOCK_PHONE_CODE) return error(401, '验证码错误或已过期')
    state.codes.delete(phone)
    const existing = [...state.users.values()].find((u) => u.phone === phone)
    const user = existing ?? newUser({ phone })
    if (!existing && phone === DEMO_COMMITTEE_PHONE) {
      accountMock.link(user.id, institutionFixtures[0])
      accountMock.grantCommittee(user.id, institutionFixtures[0])
    }
    return HttpResponse.json(issue(user, !existing))
  }),

  http.post(api('/auth/refresh'), async ({ request }) => {
    const { refreshToken } = (await request.json()) as { refreshToken?: string }
    const userId = refreshToken ? state.refresh.get(refreshToken) : undefined
    const user = userId ? state.users.get(userId) : undefined
    if (!refreshToken || !user) return error(401, '登录已失效 (refresh token invalid)')
    state.refresh.delete(refreshToken) // single use: the old one dies
    return HttpResponse.json(issue(user, false))
  }),

  http.post(api('/auth/logout'), async ({ request }) => {
    const { refreshToken } = (await request.json()) as { refreshToken?: string }
    if (refreshToken) state.refresh.delete(refreshToken)
    return new HttpResponse(null, { status: 204 })
  }),

  http.get(api('/privacy-policy'), () => HttpResponse.json({ ...privacyPolicyFixture, version: state.policyVersion })),

  http.get(api('/me'), authed(({ user }) => HttpResponse.json(toMe(user)))),

  http.post(
    api('/me/consents'),
    authed(async ({ request, user }) => {
      const body = (await request.json()) as ConsentBody
      const current = body.kind === 'privacy_policy' ? state.policyVersion : state.childDataVersion
      if (body.version !== current) return error(409, '版本已更新，请重新阅读 (version is not current)', 'Conflict')
      user.consents[body.kind] = body.action === 'accept' ? { version: body.version, at: new Date().toISOString() } : null
      return HttpResponse.json(toMe(user))
    }),
  ),

  http.get(api('/me/children'), authed(({ user }) => HttpResponse.json({ items: user.children.map(withAge) }))),

  http.post(
    api('/me/children'),
    authed(async ({ request, user }) => {
      const body = (await request.json()) as ChildInput
      const me = toMe(user)
      if (me.consents.childData.needed || me.consents.privacyPolicy.needed) return error(403, '需要监护人同意 (guardian consent required)', 'ConsentRequired')
      const field = validChild(body)
      if (field) return error(400, `${field} is invalid`)
      const child = withAge({ id: nextId(), nickname: body.nickname, birthMonth: body.birthMonth, ageMonths: 0, createdAt: new Date().toISOString() })
      user.children.push(child)
      return HttpResponse.json(child, { status: 201 })
    }),
  ),

  http.put(
    api('/me/children/:id'),
    authed(async ({ request, params, user }) => {
      const child = user.children.find((c) => c.id === params.id)
      if (!child) return error(404, '没有找到这个孩子 (child not found)')
      const body = (await request.json()) as ChildInput
      const field = validChild(body)
      if (field) return error(400, `${field} is invalid`)
      Object.assign(child, { nickname: body.nickname, birthMonth: body.birthMonth })
      return HttpResponse.json(withAge(child))
    }),
  ),

  http.delete(
    api('/me/children/:id'),
    authed(({ params, user }) => {
      const before = user.children.length
      user.children = user.children.filter((c) => c.id !== params.id)
      return before === user.children.length ? error(404, '没有找到这个孩子 (child not found)') : new HttpResponse(null, { status: 204 })
    }),
  ),

  http.get(api('/me/institutions'), authed(({ user }) => HttpResponse.json({ items: user.links }))),

  http.post(
    api('/me/institutions'),
    authed(async ({ request, user }) => {
      const { code } = (await request.json()) as { code?: string }
      if (!code || !/^[A-Za-z0-9]{8}$/.test(code)) return error(400, 'code must match pattern')
      const target = invitationFixtures[code.toUpperCase()]
      if (!target) return error(404, '邀请码无效或已过期')
      const existing = user.links.find((l) => l.institutionId === target.institutionId)
      if (existing) return HttpResponse.json(existing)
      const link: LinkedInstitution = { ...target, linkedAt: new Date().toISOString() }
      user.links.push(link)
      return HttpResponse.json(link, { status: 201 })
    }),
  ),

  http.delete(
    api('/me/institutions/:institutionId'),
    authed(({ params, user }) => {
      user.links = user.links.filter((l) => l.institutionId !== params.institutionId)
      return new HttpResponse(null, { status: 204 })
    }),
  ),

  http.get(api('/me/favourites'), authed(({ user }) => HttpResponse.json({ institutionIds: user.favourites }))),

  http.post(
    api('/me/favourites/merge'),
    authed(async ({ request, user }) => {
      const { institutionIds } = (await request.json()) as { institutionIds: string[] }
      const known = new Set(institutionFixtures.map((i) => i.id))
      for (const id of institutionIds) if (known.has(id) && !user.favourites.includes(id)) user.favourites.push(id)
      return HttpResponse.json({ institutionIds: user.favourites })
    }),
  ),

  http.put(
    api('/me/favourites/:institutionId'),
    authed(({ params, user }) => {
      if (!user.favourites.includes(params.institutionId)) user.favourites.push(params.institutionId)
      return new HttpResponse(null, { status: 204 })
    }),
  ),

  http.delete(
    api('/me/favourites/:institutionId'),
    authed(({ params, user }) => {
      user.favourites = user.favourites.filter((id) => id !== params.institutionId)
      return new HttpResponse(null, { status: 204 })
    }),
  ),

  http.get(
    api('/me/export'),
    authed(({ user }) => {
      const body = JSON.stringify({ exportedAt: new Date().toISOString(), account: toMe(user), children: user.children.map(withAge), linkedInstitutions: user.links, favourites: user.favourites }, null, 2)
      return new HttpResponse(body, {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="jilin-tuoyu-my-data.json"' },
      })
    }),
  ),

  http.delete(
    api('/me'),
    authed(({ user }) => {
      state.users.delete(user.id)
      for (const [token, session] of state.access) if (session.userId === user.id) state.access.delete(token)
      for (const [token, userId] of state.refresh) if (userId === user.id) state.refresh.delete(token)
      return new HttpResponse(null, { status: 204 })
    }),
  ),
]

/** Test-side access to the mock's state. */
export const accountMock = {
  reset(): void {
    state = fresh()
  },
  /** A signed-up user with tokens, as after a phone sign-in; consents accepted unless told otherwise. */
  signUp(options: { phone?: string; consented?: boolean; children?: Array<Pick<Child, 'nickname' | 'birthMonth'>> } = {}) {
    const now = new Date().toISOString()
    const consented = options.consented ?? true
    const user = newUser({
      phone: options.phone ?? '13800000000',
      consents: consented ? { privacy_policy: { version: state.policyVersion, at: now }, child_data: { version: state.childDataVersion, at: now } } : { privacy_policy: null, child_data: null },
    })
    user.children = (options.children ?? []).map((c) => withAge({ id: nextId(), nickname: c.nickname, birthMonth: c.birthMonth, ageMonths: 0, createdAt: now }))
    return { user, tokens: issue(user, false) }
  },
  user(id: string): MockUser | undefined {
    return state.users.get(id)
  },
  /** The signed-in user behind a request's bearer token (for other mocks that need to know who asks), or null. */
  userIdOf(request: Request): string | null {
    return userOf(request)?.id ?? null
  },
  /** Every user (other mocks count the parents linked to an institution). */
  users(): MockUser[] {
    return [...state.users.values()]
  },
  /** Links the user to a demo institution, as a valid invitation code would. */
  link(userId: string, institution: { id: string; name: string; districtName: string }): void {
    const user = state.users.get(userId)
    if (user && !user.links.some((l) => l.institutionId === institution.id)) {
      user.links.push({ institutionId: institution.id, name: institution.name, districtName: institution.districtName, linkedAt: new Date().toISOString() })
    }
  },
  /** Makes the user a parent-committee member of the institution (a grant a regulator would give). */
  grantCommittee(userId: string, institution: { id: string; name: string }): void {
    state.users.get(userId)?.grants.push({
      id: nextId(), role: 'committee', institutionId: institution.id, institutionName: institution.name,
      centreId: null, centreName: null, regionCode: null, regionName: null, grantedAt: new Date().toISOString(), grantedBy: null,
    })
  },
  /** Publishes a new privacy-policy version: everyone's acceptance becomes outdated. */
  publishPolicy(version: string): void {
    state.policyVersion = version
  },
  /** Makes an access token expire now (the refresh token still works). */
  expireAccessToken(token: string): void {
    const session = state.access.get(token)
    if (session) session.expiresAt = 0
  },
  revokeRefreshTokens(): void {
    state.refresh.clear()
  },
}

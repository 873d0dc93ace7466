import { Type, type Static } from '@sinclair/typebox'
import { DateTimeString } from './common'

export const PHONE_PATTERN = '^1[3-9][0-9]{9}$' // mainland mobile numbers

export const WechatSignInBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'from Taro.login' }) },
  { additionalProperties: false },
)
export type WechatSignInBody = Static<typeof WechatSignInBody>

/**
 * 微信手机号快捷登录 (mini-program only): the one-time code of the getPhoneNumber button (event.detail.code) and a
 * wx.login() code taken in the same tap. The BFF asks WeChat for the number and the openid and signs in the phone's account.
 */
export const WechatPhoneSignInBody = Type.Object(
  {
    phoneCode: Type.String({ minLength: 1, maxLength: 128, description: 'event.detail.code of <Button openType="getPhoneNumber">' }),
    loginCode: Type.String({ minLength: 1, maxLength: 128, description: 'from Taro.login, in the same flow' }),
  },
  { additionalProperties: false },
)
export type WechatPhoneSignInBody = Static<typeof WechatPhoneSignInBody>

export const PhoneCodeRequestBody = Type.Object({ phone: Type.String({ pattern: PHONE_PATTERN }) }, { additionalProperties: false })
export type PhoneCodeRequestBody = Static<typeof PhoneCodeRequestBody>

export const PhoneCodeSent = Type.Object({
  sentTo: Type.String({ description: 'masked, e.g. 138****0000' }),
  expiresInSeconds: Type.Integer(),
  resendAfterSeconds: Type.Integer(),
})
export type PhoneCodeSent = Static<typeof PhoneCodeSent>

export const PhoneSignInBody = Type.Object(
  {
    phone: Type.String({ pattern: PHONE_PATTERN }),
    code: Type.String({ pattern: '^[0-9]{6}$' }),
  },
  { additionalProperties: false },
)
export type PhoneSignInBody = Static<typeof PhoneSignInBody>

export const RefreshBody = Type.Object({ refreshToken: Type.String({ minLength: 20, maxLength: 200 }) }, { additionalProperties: false })
export type RefreshBody = Static<typeof RefreshBody>

/** Access token: a signed JWT valid for minutes, sent as `Authorization: Bearer`. Refresh token: opaque, single-use, rotated. */
export const SessionTokens = Type.Object({
  accessToken: Type.String(),
  accessTokenExpiresAt: DateTimeString,
  refreshToken: Type.String(),
  refreshTokenExpiresAt: DateTimeString,
  userId: Type.String({ format: 'uuid' }),
  isNewUser: Type.Boolean(),
})
export type SessionTokens = Static<typeof SessionTokens>

/** How a session began: wx.login, a phone code, or the number WeChat's phone-number button verified. */
export type SignInMethod = 'wechat' | 'phone' | 'wechat_phone'

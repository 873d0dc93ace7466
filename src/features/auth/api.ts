import type { PhoneCodeSent, SessionTokens } from '../../../types/auth'
import type { ConsentBody } from '../../../types/me'
import type { PrivacyPolicy } from '../../../types/privacy'
import { http } from '../../services/http'

// Sign-in, refresh and sign-out carry no access token and never trigger a refresh themselves.

export async function signInWithWechatCode(code: string): Promise<SessionTokens> {
  const { data } = await http.post<SessionTokens>('/auth/wechat', { code }, { skipAuth: true })
  return data
}

/** 微信手机号快捷登录: the getPhoneNumber button's code and a Taro.login code of the same tap. */
export async function signInWithWechatPhone(phoneCode: string, loginCode: string): Promise<SessionTokens> {
  const { data } = await http.post<SessionTokens>('/auth/wechat/phone', { phoneCode, loginCode }, { skipAuth: true })
  return data
}

export async function requestPhoneCode(phone: string): Promise<PhoneCodeSent> {
  const { data } = await http.post<PhoneCodeSent>('/auth/phone/code', { phone }, { skipAuth: true })
  return data
}

export async function signInWithPhoneCode(phone: string, code: string): Promise<SessionTokens> {
  const { data } = await http.post<SessionTokens>('/auth/phone', { phone, code }, { skipAuth: true })
  return data
}

export async function refreshTokens(refreshToken: string): Promise<SessionTokens> {
  const { data } = await http.post<SessionTokens>('/auth/refresh', { refreshToken }, { skipAuth: true })
  return data
}

export async function signOutSession(refreshToken: string, accessToken: string): Promise<void> {
  await http.post('/auth/logout', { refreshToken }, { skipAuth: true, headers: { Authorization: `Bearer ${accessToken}` } })
}

/** The version of the privacy policy the sign-in screen links to (public). */
export async function currentPolicyVersion(): Promise<string> {
  const { data } = await http.get<PrivacyPolicy>('/privacy-policy', { skipAuth: true })
  return data.version
}

/** Records the consent the parent ticked before signing in, with the new session's token. */
export async function acceptPolicyAtSignIn(version: string, accessToken: string): Promise<void> {
  await http.post('/me/consents', { kind: 'privacy_policy', version, action: 'accept' } satisfies ConsentBody, {
    skipAuth: true,
    headers: { Authorization: `Bearer ${accessToken}` },
  })
}

import type { PhoneCodeSent, SessionTokens } from '../../../types/auth'
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

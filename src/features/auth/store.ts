import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { SessionTokens } from '../../../types/auth'
import { t } from '../../i18n'
import { describeActionError, retryAfterSeconds, statusOf } from '../../services/http'
import { emitSessionChange, type SessionEndReason } from '../../services/session'
import { taroStorage } from '../../services/storage'
import {
  acceptPolicyAtSignIn,
  currentPolicyVersion,
  refreshTokens,
  requestPhoneCode,
  signInWithPhoneCode,
  signInWithWechatCode,
  signInWithWechatPhone,
  signOutSession,
} from './api'

export type Session = Omit<SessionTokens, 'isNewUser'>

type State = {
  session: Session | null
  /** When the 获取验证码 button may be pressed again (ms since epoch). */
  resendAt: number | null
  codeSentTo: string | null
  busy: 'code' | 'signIn' | null
  error: string | null
  /** The parent ticked 我已阅读并同意《隐私政策》 on the sign-in screen (asked again at each sign-in). */
  policyAgreed: boolean
}

type Actions = {
  setPolicyAgreed: (agreed: boolean) => void
  /** True when the box is ticked; otherwise says so (message and toast) and nothing is sent. */
  requireAgreement: () => boolean
  requestCode: (phone: string) => Promise<boolean>
  signInWithPhone: (phone: string, code: string) => Promise<boolean>
  signInWithWechat: () => Promise<boolean>
  /** The getPhoneNumber button's answer (event.detail): a code when the parent allowed, errMsg only when not. */
  signInWithWechatPhone: (detail: { code?: string; errMsg?: string }) => Promise<boolean>
  signOut: () => Promise<void>
  /** Drops the session locally (refresh refused, account deleted) and tells the other features. */
  endSession: (reason: SessionEndReason) => void
  /** For the http layer: new access token, null when the server refused, throws when offline. */
  refresh: () => Promise<string | null>
  clearError: () => void
}

const initialState: State = { session: null, resendAt: null, codeSentTo: null, busy: null, error: null, policyAgreed: false }

const PHONE = /^1[3-9][0-9]{9}$/
const CODE = /^[0-9]{6}$/

function toSession({ isNewUser: _new, ...tokens }: SessionTokens): Session {
  return tokens
}

export const useAuthStore = create<State & Actions>()(
  persist(
    (set, get) => {
      /** Records the policy version the parent agreed to before the account's first request; 我的 asks again if that fails. */
      async function signedIn(tokens: SessionTokens, policyVersion: string) {
        try {
          await acceptPolicyAtSignIn(policyVersion, tokens.accessToken)
        } catch {
          // Signed in either way: the policy banner on 我的 asks for the consent the BFF did not record.
        }
        set({ session: toSession(tokens), busy: null, error: null, codeSentTo: null, resendAt: null, policyAgreed: false })
        emitSessionChange({ type: 'signedIn', restored: false })
      }

      return {
        ...initialState,

        setPolicyAgreed: (agreed) => set(agreed ? { policyAgreed: true, error: null } : { policyAgreed: false }),

        requireAgreement: () => {
          if (get().policyAgreed) return true
          set({ error: t('auth.agreeFirst') })
          void Taro.showToast({ title: t('auth.agreeFirst'), icon: 'none' })
          return false
        },

        requestCode: async (phone) => {
          if (!get().requireAgreement()) return false
          if (!PHONE.test(phone)) {
            set({ error: t('auth.invalidPhone') })
            return false
          }
          set({ busy: 'code', error: null })
          try {
            const sent = await requestPhoneCode(phone)
            set({ busy: null, codeSentTo: sent.sentTo, resendAt: Date.now() + (sent.resendAfterSeconds || 60) * 1000 })
            return true
          } catch (error) {
            if (statusOf(error) === 429) {
              const seconds = retryAfterSeconds(error)
              set({ busy: null, error: t('errors.tooMany', { seconds }), resendAt: Date.now() + seconds * 1000 })
            } else {
              set({ busy: null, error: statusOf(error) === 400 ? t('auth.invalidPhone') : describeActionError(error) })
            }
            return false
          }
        },

        signInWithPhone: async (phone, code) => {
          if (!get().requireAgreement()) return false
          if (!PHONE.test(phone)) {
            set({ error: t('auth.invalidPhone') })
            return false
          }
          if (!CODE.test(code)) {
            set({ error: t('auth.invalidCode') })
            return false
          }
          set({ busy: 'signIn', error: null })
          try {
            const version = await currentPolicyVersion()
            await signedIn(await signInWithPhoneCode(phone, code), version)
            return true
          } catch (error) {
            const status = statusOf(error)
            set({ busy: null, error: status === 401 ? t('auth.wrongCode') : status === 400 ? t('auth.invalidCode') : describeActionError(error) })
            return false
          }
        },

        signInWithWechat: async () => {
          if (!get().requireAgreement()) return false
          set({ busy: 'signIn', error: null })
          try {
            const [{ code }, version] = await Promise.all([Taro.login(), currentPolicyVersion()])
            await signedIn(await signInWithWechatCode(code), version)
            return true
          } catch (error) {
            set({ busy: null, error: statusOf(error) ? describeActionError(error) : t('auth.wechatFailed') })
            return false
          }
        },

        signInWithWechatPhone: async ({ code }) => {
          if (!get().requireAgreement()) return false
          // Refused ('getPhoneNumber:fail user deny') or not offered by WeChat: nothing was sent; the other ways stay.
          if (!code) {
            set({ busy: null, error: t('auth.wechatPhoneDenied') })
            return false
          }
          set({ busy: 'signIn', error: null })
          try {
            const [{ code: loginCode }, version] = await Promise.all([Taro.login(), currentPolicyVersion()])
            await signedIn(await signInWithWechatPhone(code, loginCode), version)
            return true
          } catch (error) {
            const status = statusOf(error)
            set({ busy: null, error: status === 401 ? t('auth.wechatPhoneExpired') : status ? describeActionError(error) : t('auth.wechatFailed') })
            return false
          }
        },

        signOut: async () => {
          const { session } = get()
          if (session) {
            try {
              await signOutSession(session.refreshToken, session.accessToken)
            } catch {
              // Signed out here either way; the refresh token simply expires on the server.
            }
          }
          get().endSession('signOut')
        },

        endSession: (reason) => {
          if (!get().session) return
          set({ session: null })
          emitSessionChange({ type: 'signedOut', reason })
        },

        refresh: async () => {
          const { session } = get()
          if (!session || Date.parse(session.refreshTokenExpiresAt) <= Date.now()) return null
          try {
            const tokens = await refreshTokens(session.refreshToken)
            set({ session: toSession(tokens) })
            return tokens.accessToken
          } catch (error) {
            const status = statusOf(error)
            if (status !== undefined && status < 500) return null
            throw error
          }
        },

        clearError: () => set({ error: null }),
      }
    },
    { name: 'jilin-tuoyu/session', storage: taroStorage, version: 1, partialize: (state) => ({ session: state.session }) },
  ),
)

export const useSignedIn = () => useAuthStore((s) => s.session !== null)

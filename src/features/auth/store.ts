import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { SessionTokens } from '../../../types/auth'
import { t } from '../../i18n'
import { describeActionError, retryAfterSeconds, statusOf } from '../../services/http'
import { emitSessionChange, type SessionEndReason } from '../../services/session'
import { taroStorage } from '../../services/storage'
import { refreshTokens, requestPhoneCode, signInWithPhoneCode, signInWithWechatCode, signInWithWechatPhone, signOutSession } from './api'

export type Session = Omit<SessionTokens, 'isNewUser'>

type State = {
  session: Session | null
  /** When the 获取验证码 button may be pressed again (ms since epoch). */
  resendAt: number | null
  codeSentTo: string | null
  busy: 'code' | 'signIn' | null
  error: string | null
}

type Actions = {
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

const initialState: State = { session: null, resendAt: null, codeSentTo: null, busy: null, error: null }

const PHONE = /^1[3-9][0-9]{9}$/
const CODE = /^[0-9]{6}$/

function toSession({ isNewUser: _new, ...tokens }: SessionTokens): Session {
  return tokens
}

export const useAuthStore = create<State & Actions>()(
  persist(
    (set, get) => {
      function signedIn(tokens: SessionTokens) {
        set({ session: toSession(tokens), busy: null, error: null, codeSentTo: null, resendAt: null })
        emitSessionChange({ type: 'signedIn', restored: false })
      }

      return {
        ...initialState,

        requestCode: async (phone) => {
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
            signedIn(await signInWithPhoneCode(phone, code))
            return true
          } catch (error) {
            const status = statusOf(error)
            set({ busy: null, error: status === 401 ? t('auth.wrongCode') : status === 400 ? t('auth.invalidCode') : describeActionError(error) })
            return false
          }
        },

        signInWithWechat: async () => {
          set({ busy: 'signIn', error: null })
          try {
            const { code } = await Taro.login()
            signedIn(await signInWithWechatCode(code))
            return true
          } catch (error) {
            set({ busy: null, error: statusOf(error) ? describeActionError(error) : t('auth.wechatFailed') })
            return false
          }
        },

        signInWithWechatPhone: async ({ code }) => {
          // Refused ('getPhoneNumber:fail user deny') or not offered by WeChat: nothing was sent; the other ways stay.
          if (!code) {
            set({ busy: null, error: t('auth.wechatPhoneDenied') })
            return false
          }
          set({ busy: 'signIn', error: null })
          try {
            const { code: loginCode } = await Taro.login()
            signedIn(await signInWithWechatPhone(code, loginCode))
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

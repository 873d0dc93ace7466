import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { isWeapp } from '../../utils/platform'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

type State = { pending: Resolve | null }
type Actions = { agree: (buttonId: string) => void; disagree: () => void }

/** The WeChat 用户隐私保护指引 prompt: WeChat holds a privacy API (getFuzzyLocation, login…) until we resolve. */
export const useWechatPrivacyStore = create<State & Actions>()((set, get) => ({
  pending: null,
  agree: (buttonId) => {
    get().pending?.({ event: 'agree', buttonId })
    set({ pending: null })
  },
  disagree: () => {
    get().pending?.({ event: 'disagree' })
    set({ pending: null })
  },
}))

/** Mini-program only (app.config has __usePrivacyCheck__); H5 has no such event. */
export function startWechatPrivacy(): void {
  if (!isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // A second prompt while one is open: refuse the older one so it does not hang.
    useWechatPrivacyStore.getState().pending?.({ event: 'disagree' })
    useWechatPrivacyStore.setState({ pending: resolve })
    resolve({ event: 'exposureAuthorization' })
  })
}

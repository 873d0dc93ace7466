import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { isWeapp } from '../utils/platform'

type Decision = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Resolve = (decision: Decision) => void

type State = {
  /** WeChat's answer callback for the privacy API it is holding, until the parent decides. */
  pending: Resolve | null
  /** Whether WeChat has been told the sheet for `pending` is on screen. */
  exposed: boolean
}
type Actions = { expose: () => void; agree: (buttonId: string) => void; disagree: () => void }

/**
 * WeChat's 用户隐私保护指引 gate: with __usePrivacyCheck__, a privacy API (getFuzzyLocation, chooseImage,
 * addPhoneCalendar, setClipboardData…) waits until the app answers onNeedPrivacyAuthorization. The sheet on
 * the page on top answers (components/wechat-privacy-sheet, rendered by every page through PageFrame).
 */
export const useWechatPrivacyStore = create<State & Actions>()((set, get) => ({
  pending: null,
  exposed: false,
  // WeChat counts the prompt as shown when told so: only a sheet that is really on screen may tell it.
  expose: () => {
    const { pending, exposed } = get()
    if (!pending || exposed) return
    set({ exposed: true })
    pending({ event: 'exposureAuthorization' })
  },
  agree: (buttonId) => {
    get().pending?.({ event: 'agree', buttonId })
    set({ pending: null, exposed: false })
  },
  disagree: () => {
    get().pending?.({ event: 'disagree' })
    set({ pending: null, exposed: false })
  },
}))

/** Mini-program only (app.config has __usePrivacyCheck__); H5 has no such event. */
export function startWechatPrivacy(): void {
  if (!isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // A second prompt while one is open: refuse the older one so it does not hang.
    useWechatPrivacyStore.getState().pending?.({ event: 'disagree' })
    useWechatPrivacyStore.setState({ pending: resolve, exposed: false })
  })
}

import { fail } from './api'

/**
 * WeChat's 用户隐私保护指引 gate (app.json `__usePrivacyCheck__`): until the user agrees, a privacy API is held and the
 * app's onNeedPrivacyAuthorization listener is called; the API runs once the app resolves 'agree' (after the user
 * tapped a button with open-type agreePrivacyAuthorization) and fails on 'disagree'. Without a listener the call
 * waits forever on a phone: here it fails the test instead of hanging it.
 */
export const PRIVACY_APIS = new Set([
  'getFuzzyLocation',
  'getLocation',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'saveImageToPhotosAlbum',
  'setClipboardData',
  'getClipboardData',
  'addPhoneCalendar',
  'addPhoneRepeatCalendar',
  'addPhoneContact',
  'startRecord',
  'getWeRunData',
  'getPhoneNumber',
])

type Resolve = (answer: { event?: string; buttonId?: string }) => void

export class PrivacyGate {
  private listener: ((resolve: Resolve) => void) | null = null
  private waiting: { api: string; go: () => void; stop: (error: Error) => void }[] = []
  private exposed = false
  /** Ids of agree buttons the user tapped and the app has not yet answered for. */
  private tappedAgree = new Set<string>()

  /** WeChat keeps the agreement per user and mini-program, across launches: it lives with the person. */
  constructor(
    private readonly person: { agreedToPrivacy: boolean },
    private readonly problems: string[],
    private readonly agreeButtonVisible: () => boolean,
  ) {}

  get agreed(): boolean {
    return this.person.agreedToPrivacy
  }

  onNeedPrivacyAuthorization(listener: (resolve: Resolve) => void) {
    this.listener = listener
  }

  /** Resolves when the API may run; rejects with WeChat's privacy error when the user refused. */
  pass(api: string): Promise<void> {
    if (this.agreed) return Promise.resolve()
    return new Promise((go, stop) => {
      this.waiting.push({ api, go, stop })
      if (this.waiting.length > 1) return
      if (!this.listener) {
        this.problems.push(`wx.${api} waits for the privacy agreement but the app never listens to onNeedPrivacyAuthorization`)
        return
      }
      this.exposed = false
      const listener = this.listener
      setTimeout(() => listener((answer) => this.answer(answer)), 0)
    })
  }

  /** The user tapped a button with open-type agreePrivacyAuthorization. */
  tapAgree(buttonId: string) {
    this.tappedAgree.add(buttonId)
  }

  get pendingApi(): string | null {
    return this.waiting[0]?.api ?? null
  }

  private answer(answer: { event?: string; buttonId?: string }) {
    const event = answer?.event
    if (event === 'exposureAuthorization') {
      // Reported after the app rendered its sheet: check on the next turn, once setData has landed.
      setTimeout(() => {
        if (!this.agreeButtonVisible()) this.problems.push('the app reported exposureAuthorization while no agree button was visible on the current page')
      }, 0)
      this.exposed = true
      return
    }
    if (event === 'agree') {
      if (!answer.buttonId || !this.tappedAgree.has(answer.buttonId)) {
        this.problems.push(`the app answered 'agree' for button "${answer.buttonId}" which the user did not tap`)
        return
      }
      if (!this.exposed) this.problems.push("the app answered 'agree' without reporting exposureAuthorization first")
      this.person.agreedToPrivacy = true
      this.tappedAgree.clear()
      const waiting = this.waiting.splice(0)
      waiting.forEach((w) => w.go())
      return
    }
    if (event === 'disagree') {
      const waiting = this.waiting.splice(0)
      waiting.forEach((w) => w.stop(fail(w.api, 'privacy permission is not authorized', { errno: 104 })))
      return
    }
    this.problems.push(`onNeedPrivacyAuthorization resolved with an unknown event ${JSON.stringify(answer)}`)
  }
}

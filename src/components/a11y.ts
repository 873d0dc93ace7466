/**
 * Accessible names for Taro components whose H5 rendering hides the real control inside a custom element: Taro
 * passes `nativeProps` to that inner element (the <input type=checkbox> of taro-switch-core, the <img> of
 * taro-image-core). WeChat reads the aria-* on the component itself; both are given.
 */

/** Names a Switch (screen readers otherwise announce an unnamed checkbox). */
export const switchName = (label: string) => ({ 'aria-label': label, nativeProps: { 'aria-label': label } })

/** An Image's text alternative; with none it is decorative: alt='' and hidden from screen readers. */
export const imageAlt = (alt?: string) => (alt ? { 'aria-label': alt, nativeProps: { alt } } : { 'aria-hidden': true, nativeProps: { alt: '' } })

/** A ScrollView that scrolls sideways: focusable, so a keyboard can scroll it, and named for screen readers. */
export const scrollRegion = (label: string) => ({ tabIndex: 0, role: 'group', 'aria-label': label })

type PressRole = 'button' | 'link' | 'tab' | 'checkbox' | 'radio'

const h5 = process.env.TARO_ENV === 'h5'

/**
 * The role of a tapped View; on H5 it also takes keyboard focus and Enter or Space presses it (WCAG 2.1.1) by clicking
 * it, so its onClick stays the one handler. WeChat has no keyboard: the role alone.
 */
export const pressable = (role: PressRole) => (h5 ? { role, tabIndex: 0, onKeyDown: pressOnKey } : { role })

function pressOnKey(event: KeyboardEvent) {
  // A key on something focusable inside (a chip in a card) is that element's, not this one's.
  if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return
  event.preventDefault()
  ;(event.currentTarget as HTMLElement).click()
}

const BUTTON = 'TARO-BUTTON-CORE'

/**
 * H5: Taro's <Button> renders <taro-button-core>, which has no role and takes no focus. Gives every one, now and
 * later, role=button and a tab stop (none while disabled), and presses it with Enter or Space. Run once at launch.
 */
export function makeButtonsKeyboardOperable(): void {
  const sync = (button: Element) => {
    if (button.tagName !== BUTTON) return
    const disabled = button.hasAttribute('disabled') && button.getAttribute('disabled') !== 'false'
    if (!button.hasAttribute('role')) button.setAttribute('role', 'button')
    button.setAttribute('tabindex', disabled ? '-1' : '0')
    button.setAttribute('aria-disabled', String(disabled))
  }
  const syncAll = (root: Element) => {
    sync(root)
    root.querySelectorAll(BUTTON).forEach(sync)
  }
  syncAll(document.body)
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') sync(mutation.target as Element)
      else mutation.addedNodes.forEach((node) => node instanceof Element && syncAll(node))
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] })
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement
    if (target.tagName !== BUTTON || (event.key !== 'Enter' && event.key !== ' ')) return
    event.preventDefault()
    target.click()
  })
}

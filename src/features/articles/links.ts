import Taro from '@tarojs/taro'
import { t } from '../../i18n'
import { isWeapp } from '../../utils/platform'
import { openAppPath } from '../../utils/routes'

export type LinkKind = 'app' | 'web'

/** What the markup allows: an in-app path or an https address. Anything else is shown as text, not followed. */
export function linkKind(href: string): LinkKind | null {
  if (/^\/pages\/[\w\-/]+(\?[^\s]*)?$/.test(href)) return 'app'
  if (/^https:\/\/[^\s]+$/i.test(href)) return 'web'
  return null
}

/**
 * In-app paths navigate. A web address opens in a new tab on H5; a mini-program cannot open outside pages,
 * so there it is copied for the parent to paste into a browser.
 */
export function openArticleLink(href: string): void {
  const kind = linkKind(href)
  if (kind === 'app') {
    openAppPath(href)
  } else if (kind === 'web') {
    if (isWeapp()) {
      void Taro.setClipboardData({ data: href })
        .then(() => Taro.showToast({ title: t('articles.externalCopied'), icon: 'none' }))
        .catch(() => undefined)
    } else {
      window.open(href, '_blank', 'noopener,noreferrer')
    }
  }
}

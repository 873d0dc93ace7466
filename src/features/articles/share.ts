import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import { t } from '../../i18n'
import { isWeapp } from '../../utils/platform'
import { routes } from '../../utils/routes'

/** WeChat's share card for an article: its title, opening the same article (the page config enables sharing). */
export function useArticleShare(id: string, title: string | null): void {
  useShareAppMessage(() => ({ title: title ?? t('articles.title'), path: routes.article(id) }))
  useEffect(() => {
    if (isWeapp()) void Promise.resolve(Taro.showShareMenu({ withShareTicket: false })).catch(() => undefined)
  }, [])
}

/** H5: the page's own address (hash route included) goes to the clipboard. */
export function copyPageLink(): void {
  void Taro.setClipboardData({ data: window.location.href })
    .then(() => Taro.showToast({ title: t('articles.linkCopied'), icon: 'none' }))
    .catch(() => undefined)
}

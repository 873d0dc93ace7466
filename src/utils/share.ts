import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect } from 'react'
import { t } from '../i18n'
import { isWeapp } from './platform'

/** What a shared page carries: its title, and the in-app path (with the page's id) that opens it for the receiver. */
export type PageShare = { title: string; path: string }

/** WeChat's two answers: a chat card opens `path`; 朋友圈 opens this same page with `query`. */
export function shareAnswers({ title, path }: PageShare): { appMessage: { title: string; path: string }; timeline: { title: string; query: string } } {
  const at = path.indexOf('?')
  return { appMessage: { title, path }, timeline: { title, query: at < 0 ? '' : path.slice(at + 1) } }
}

/**
 * Lets WeChat forward the page to a chat and share it to 朋友圈. The page's config must say
 * `enableShareAppMessage: true` and `enableShareTimeline: true`: WeChat offers only what the config enables.
 */
export function useSharePage(share: PageShare): void {
  useShareAppMessage(() => shareAnswers(share).appMessage)
  useShareTimeline(() => shareAnswers(share).timeline)
  useEffect(() => {
    // WeChat's option is `menus` (Taro's typings only know `showShareItems`, which WeChat ignores).
    const option = { withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] } as Taro.showShareMenu.Option
    if (isWeapp()) void Promise.resolve(Taro.showShareMenu(option)).catch(() => undefined)
  }, [])
}

/** H5: the page's own address (hash route included) goes to the clipboard. */
export function copyPageLink(): void {
  if (process.env.TARO_ENV !== 'h5') return
  void Taro.setClipboardData({ data: window.location.href })
    .then(() => Taro.showToast({ title: t('share.linkCopied'), icon: 'none' }))
    .catch(() => undefined)
}

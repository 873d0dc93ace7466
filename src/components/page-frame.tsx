import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { t } from '../i18n'
import { goBackOr, routes, TAB_PAGES } from '../utils/routes'
import { WechatPrivacySheet } from './wechat-privacy-sheet'
import { pressable } from './a11y'
import './page-frame.scss'

type Props = { className?: string; children?: ReactNode }

/**
 * What every page renders around its content: WeChat's privacy sheet (a parent may open any page first, from a
 * shared card or a message) and, in H5, a title bar with 返回 and 首页 on pages that are not tabs.
 */
export function PageFrame({ className, children }: Props) {
  // Pages below the top one stay mounted in both targets: only the page on top may show the sheet.
  const [onTop, setOnTop] = useState(false)
  useDidShow(() => setOnTop(true))
  useDidHide(() => setOnTop(false))
  const content = useKeyboardScrollablePage()
  return (
    <>
      {process.env.TARO_ENV === 'h5' ? <TitleBar onTop={onTop} /> : null}
      <View className={className} ref={content}>
        {children}
      </View>
      <WechatPrivacySheet onTop={onTop} />
    </>
  )
}

/**
 * H5 only: the router's page element (.taro_page) is what scrolls, and a keyboard scrolls it only once it can take
 * focus (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
function useKeyboardScrollablePage() {
  const content = useRef<HTMLElement>(null)
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') content.current?.closest('.taro_page')?.setAttribute('tabindex', '0')
  }, [])
  return content
}

/** H5 only. A page opened from a link has no history: 返回 then goes to the home tab. */
function TitleBar({ onTop }: { onTop: boolean }) {
  const path = useRouter().path.split('?')[0]
  const title = useDocumentTitle(onTop)
  if (TAB_PAGES.includes(path)) return null
  return (
    <View className='title-bar'>
      <View className='title-bar__button' {...pressable('button')} onClick={() => goBackOr(routes.home)}>
        ‹ {t('frame.back')}
      </View>
      <View className='title-bar__title' role='heading' aria-level={1}>
        {title}
      </View>
      <View className='title-bar__button title-bar__button--end' {...pressable('button')} onClick={() => void Taro.switchTab({ url: routes.home })}>
        {t('frame.home')}
      </View>
    </View>
  )
}

/** H5 only: the router keeps the page's title (its navigationBarTitleText, or setNavigationBarTitle's) in document.title. */
function useDocumentTitle(onTop: boolean): string {
  const [title, setTitle] = useState(() => document.title)
  useEffect(() => {
    if (!onTop) return
    setTitle(document.title)
    const element = document.querySelector('title')
    if (!element) return
    const observer = new MutationObserver(() => setTitle(document.title))
    observer.observe(element, { childList: true, characterData: true, subtree: true })
    return () => observer.disconnect()
  }, [onTop])
  return title
}

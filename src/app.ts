import Taro from '@tarojs/taro'
import { createElement, Fragment, type PropsWithChildren } from 'react'
import { makeButtonsKeyboardOperable } from './components/a11y'
import { PageLoadError } from './components/page-load-error'
import { startPageLoadRecovery, usePageLoadStore } from './services/page-load'
import { startApp } from './start'
import './app.scss'

/** index.html's first screen (its header and 正在加载…) goes once the first page has rendered, or failed to load. */
function removeAppShellWhenAPageShows() {
  // Through globalThis: a bare `document` makes the mini-program build import Taro's stand-in, even where it is unused.
  const remove = () => globalThis.document.getElementById('app-shell')?.remove()
  Taro.eventCenter.once('__afterTaroRouterChange', remove)
  const unsubscribe = usePageLoadStore.subscribe(({ failedUrl }) => {
    if (!failedUrl) return
    remove()
    unsubscribe()
  })
}

startApp()
// H5 loads pages lazily; a load that fails offline shows an error with 重试 instead of nothing (weapp has no such load).
// H5 also has a keyboard: every Button gets a tab stop.
const h5 = process.env.TARO_ENV === 'h5'
if (h5) {
  startPageLoadRecovery()
  makeButtonsKeyboardOperable()
}
// Spelled out (not `h5`) so the build drops it, and the document it touches, from the mini-program.
if (process.env.TARO_ENV === 'h5') {
  removeAppShellWhenAPageShows()
}

function App({ children }: PropsWithChildren) {
  return h5 ? createElement(Fragment, null, children, createElement(PageLoadError)) : children
}

export default App

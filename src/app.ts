import { createElement, Fragment, type PropsWithChildren } from 'react'
import { makeButtonsKeyboardOperable } from './components/a11y'
import { PageLoadError } from './components/page-load-error'
import { startPageLoadRecovery } from './services/page-load'
import { startApp } from './start'
import './app.scss'

startApp()
// H5 loads pages lazily; a load that fails offline shows an error with 重试 instead of nothing (weapp has no such load).
// H5 also has a keyboard: every Button gets a tab stop.
const h5 = process.env.TARO_ENV === 'h5'
if (h5) {
  startPageLoadRecovery()
  makeButtonsKeyboardOperable()
}

function App({ children }: PropsWithChildren) {
  return h5 ? createElement(Fragment, null, children, createElement(PageLoadError)) : children
}

export default App

import type { PropsWithChildren } from 'react'
import { startApp } from './start'
import './app.scss'

startApp()

function App({ children }: PropsWithChildren) {
  return children
}

export default App

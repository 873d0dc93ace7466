import Taro from '@tarojs/taro'
import { create } from 'zustand'

/**
 * In H5, Taro loads each page's script when it is first opened. Offline, webpack rejects that load with a
 * ChunkLoadError (or mini-css-extract's "Loading CSS chunk … failed") inside Taro's router, where nothing catches it:
 * the tab bar moves, the old page stays, nothing is said. On weapp the tab pages are in the main package: no such load.
 */
export function isChunkLoadError(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false
  const { name, message } = reason as { name?: unknown; message?: unknown }
  return name === 'ChunkLoadError' || (typeof message === 'string' && /Loading (CSS )?chunk \S+ failed/.test(message))
}

/** The in-app URL whose page could not be loaded, until a navigation starts again. */
export const usePageLoadStore = create<{ failedUrl: string | null }>()(() => ({ failedUrl: null }))

/** The page the router was asked for: the hash router's path ("#/pages/info/index?…"). */
function requestedUrl(location: Location): string {
  return location.hash.startsWith('#/') ? location.hash.slice(1) : `${location.pathname}${location.search}`
}

/** Turns the router's uncaught chunk-load failure into state a screen can show. Run once at launch in H5; returns a stop function. */
export function startPageLoadRecovery(target: Window = window): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    if (!isChunkLoadError(event.reason)) return
    event.preventDefault()
    usePageLoadStore.setState({ failedUrl: requestedUrl(target.location) })
  }
  // Any navigation starts afresh (Taro's own tab bar listens to this event too); a new failure sets the URL again.
  const clear = () => usePageLoadStore.setState({ failedUrl: null })
  const events: typeof Taro.eventCenter | undefined = Taro.eventCenter
  target.addEventListener('unhandledrejection', onRejection)
  events?.on('__taroRouterChange', clear)
  return () => {
    target.removeEventListener('unhandledrejection', onRejection)
    events?.off('__taroRouterChange', clear)
  }
}

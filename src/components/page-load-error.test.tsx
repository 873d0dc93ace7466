import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { isChunkLoadError, startPageLoadRecovery, usePageLoadStore } from '../services/page-load'
import { PageLoadError } from './page-load-error'

/** What webpack rejects with when a page's script cannot be fetched (offline). */
function chunkLoadError(): Error {
  const error = new Error('Loading chunk 463 failed.\n(error: http://127.0.0.1/js/463.ea52189c.js)')
  error.name = 'ChunkLoadError'
  return error
}

/** jsdom has no PromiseRejectionEvent: an event carrying the reason the way the browser's does. */
function rejection(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason, promise: Promise.resolve() })
}

describe('a page that cannot be loaded (H5, offline)', () => {
  let stop: () => void
  beforeEach(() => {
    usePageLoadStore.setState({ failedUrl: null })
    stop = startPageLoadRecovery()
  })
  afterEach(() => stop())

  it('shows an error with 重试 instead of failing silently, and 重试 opens the same tab again', async () => {
    window.location.hash = '#/pages/info/index'
    render(<PageLoadError />)
    expect(screen.queryByText('页面加载失败')).toBeNull()

    const event = rejection(chunkLoadError())
    act(() => void window.dispatchEvent(event))

    expect(screen.getByRole('alert').textContent).toContain('页面加载失败')
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    expect(event.defaultPrevented).toBe(true)
    fireEvent.click(screen.getByText('重试'))
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/info/index' })
    expect(screen.queryByText('页面加载失败')).toBeNull()
  })

  it('retries a page that is not a tab by opening it again', () => {
    window.location.hash = '#/pages/articles/detail?id=a1'
    render(<PageLoadError />)
    act(() => void window.dispatchEvent(rejection(chunkLoadError())))
    fireEvent.click(screen.getByText('重试'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/articles/detail?id=a1' })
  })

  it('leaves other rejections alone', () => {
    render(<PageLoadError />)
    const event = rejection(new Error('boom'))
    act(() => void window.dispatchEvent(event))
    expect(screen.queryByText('页面加载失败')).toBeNull()
    expect(event.defaultPrevented).toBe(false)
  })

  it('recognises webpack’s script and CSS chunk failures only', () => {
    expect(isChunkLoadError(chunkLoadError())).toBe(true)
    expect(isChunkLoadError(Object.assign(new Error('Loading CSS chunk 12 failed.\n(/css/12.css)'), { code: 'CSS_CHUNK_LOAD_FAILED' }))).toBe(true)
    expect(isChunkLoadError(new Error('Network Error'))).toBe(false)
    expect(isChunkLoadError(undefined)).toBe(false)
  })
})

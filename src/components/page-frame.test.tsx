import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import type { ComponentType } from 'react'
import { fireDidHide, fireDidShow } from '../../test/stubs/taro'
import { startWechatPrivacy } from '../services/wechat-privacy'
import { PageFrame } from './page-frame'

type Resolve = jest.Mock
type Listener = (resolve: Resolve) => void

const SHEET = '用户隐私保护提示'
const env = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = env
})

/** The app registers for WeChat's privacy event at launch (only in the mini-program): the listener WeChat would call. */
function startInWeapp(): Listener {
  process.env.TARO_ENV = 'weapp'
  startWechatPrivacy()
  process.env.TARO_ENV = env
  return (Taro.onNeedPrivacyAuthorization as jest.Mock).mock.calls[0][0] as Listener
}

/** WeChat holds a privacy API (a photo, the calendar, the clipboard, the location) until `resolve` is called. */
function holdPrivacyApi(listener: Listener): Resolve {
  const resolve = jest.fn()
  act(() => listener(resolve))
  return resolve
}

const exposures = (resolve: Resolve) => resolve.mock.calls.filter(([answer]) => answer.event === 'exposureAuthorization').length

describe('WeChat privacy sheet', () => {
  it('shows on the page when WeChat holds a privacy API; 拒绝 resolves disagree, closes it and leaves the page usable', () => {
    const listener = startInWeapp()
    render(<PageFrame>页面内容</PageFrame>)
    expect(screen.queryByText(SHEET)).toBeNull()

    const resolve = holdPrivacyApi(listener)
    expect(screen.getByRole('dialog', { name: SHEET })).toBeTruthy()
    fireEvent.click(screen.getByText('拒绝'))

    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(screen.queryByText(SHEET)).toBeNull()
    expect(screen.getByText('页面内容')).toBeTruthy()
  })

  it('同意 is the agreePrivacyAuthorization button and resolves agree with its id', () => {
    const listener = startInWeapp()
    render(<PageFrame />)
    const resolve = holdPrivacyApi(listener)

    const agree = screen.getByText('同意')
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    fireEvent.click(agree)

    expect(agree.id).not.toBe('')
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: agree.id })
    expect(screen.queryByText(SHEET)).toBeNull()
  })

  it('tells WeChat it was shown only once it is on screen, and only once', () => {
    const listener = startInWeapp()
    // Held before any page is up (a privacy API called at launch): nothing is on screen yet.
    const resolve = holdPrivacyApi(listener)
    expect(resolve).not.toHaveBeenCalled()

    render(<PageFrame />)
    expect(screen.getByRole('dialog', { name: SHEET })).toBeTruthy()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })

    act(() => fireDidHide())
    act(() => fireDidShow())
    expect(exposures(resolve)).toBe(1)
  })

  it('waits while the page is hidden (the app in the background), and is shown when it comes back', () => {
    const listener = startInWeapp()
    render(<PageFrame />)
    act(() => fireDidHide())

    const resolve = holdPrivacyApi(listener)
    expect(screen.queryByText(SHEET)).toBeNull()
    expect(resolve).not.toHaveBeenCalled()

    act(() => fireDidShow())
    expect(screen.getByRole('dialog', { name: SHEET })).toBeTruthy()
    expect(exposures(resolve)).toBe(1)
  })

  it('shows on the page on top only; back on the page below, it shows there', () => {
    const listener = startInWeapp()
    const below = render(<PageFrame>下面的页面</PageFrame>)
    act(() => fireDidHide()) // another page opens on top of it
    const top = render(<PageFrame>上面的页面</PageFrame>)

    const resolve = holdPrivacyApi(listener)
    expect(within(top.container).getByText(SHEET)).toBeTruthy()
    expect(within(below.container).queryByText(SHEET)).toBeNull()
    expect(exposures(resolve)).toBe(1)

    top.unmount() // 返回: the page on top closes
    act(() => fireDidShow())
    expect(within(below.container).getByText(SHEET)).toBeTruthy()
    fireEvent.click(within(below.container).getByText('拒绝'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(exposures(resolve)).toBe(1)
  })

  it('refuses an older prompt when WeChat holds a second privacy API, so the first one does not hang', () => {
    const listener = startInWeapp()
    render(<PageFrame />)
    const first = holdPrivacyApi(listener)
    const second = holdPrivacyApi(listener)

    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(exposures(second)).toBe(1)
    expect(screen.getAllByRole('dialog', { name: SHEET })).toHaveLength(1)
  })

  it('is not registered in H5', () => {
    process.env.TARO_ENV = 'h5'
    startWechatPrivacy()
    expect(Taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled()
  })
})

describe('every page of app.config', () => {
  type AppConfig = { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
  ;(globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
  const config = (require('../app.config') as { default: AppConfig }).default
  const pages = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]

  // A parent can open any page first (a shared card, a subscription message) and call a privacy API there.
  it.each(pages)('%s shows the privacy sheet when WeChat holds a privacy API there', async (page) => {
    const listener = startInWeapp()
    const { default: Page } = (await import(`../${page}`)) as { default: ComponentType }
    render(<Page />)
    await act(async () => undefined) // let the page's first requests settle
    const resolve = holdPrivacyApi(listener)
    expect(screen.getByRole('dialog', { name: SHEET })).toBeTruthy()
    expect(exposures(resolve)).toBe(1)
  })
})

describe('H5 title bar', () => {
  const openedAt = (path: string) => (useRouter as jest.Mock).mockImplementation(() => ({ params: {}, path }))

  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
    document.title = '机构详情'
  })

  it('on a page that is not a tab: the title, 返回 to the previous page and 首页', async () => {
    openedAt('/pages/institution/index?stamp=3')
    render(<PageFrame>详情</PageFrame>)
    expect(screen.getByRole('heading', { name: '机构详情' })).toBeTruthy()

    fireEvent.click(screen.getByText(/返回/))
    expect(Taro.navigateBack).toHaveBeenCalled()
    fireEvent.click(screen.getByText('首页'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })

    // A page sets its own title (an institution's name): the bar follows.
    document.title = '朝阳禾苗托育中心'
    await waitFor(() => expect(screen.getByRole('heading', { name: '朝阳禾苗托育中心' })).toBeTruthy())
  })

  it('opened from a link (no history): 返回 goes to the home tab', () => {
    openedAt('/pages/articles/detail?stamp=1')
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'pages/articles/detail' }])
    render(<PageFrame />)

    fireEvent.click(screen.getByText(/返回/))
    expect(Taro.navigateBack).not.toHaveBeenCalled()
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('is not on tab pages (the tab bar is there), nor in the mini-program (WeChat draws its own)', () => {
    openedAt('/pages/me/index?stamp=2')
    const tab = render(<PageFrame />)
    expect(screen.queryByText('首页')).toBeNull()
    tab.unmount()

    process.env.TARO_ENV = 'weapp'
    openedAt('/pages/institution/index')
    render(<PageFrame />)
    expect(screen.queryByText('首页')).toBeNull()
  })
})

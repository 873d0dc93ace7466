import Taro from '@tarojs/taro'
import { openAppPath, openInstitution, routes, TAB_PAGES } from './routes'

type AppConfig = { pages: string[]; tabBar: { list: Array<{ pagePath: string }> } }

describe('TAB_PAGES', () => {
  it('lists the tab bar of app.config.ts in its order, so switchTab and the 我的 badge hit the right tab', async () => {
    ;(globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
    const config = (await import('../app.config')).default as unknown as AppConfig
    expect(TAB_PAGES).toEqual(config.tabBar.list.map((tab) => `/${tab.pagePath}`))
    expect(TAB_PAGES).toContain(routes.me)
    for (const tab of config.tabBar.list) expect(config.pages).toContain(tab.pagePath)
  })
})

describe('opening a page', () => {
  const navigateTo = Taro.navigateTo as unknown as jest.Mock
  const redirectTo = Taro.redirectTo as unknown as jest.Mock
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

  it("takes the current page's place when WeChat's page stack is full", async () => {
    navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail webview count limit exceed' })
    openInstitution('i1')
    await settle()
    expect(redirectTo).toHaveBeenCalledWith({ url: routes.institution('i1') })
  })

  it('leaves the parent where they are, with no unhandled failure, when the page cannot open at all', async () => {
    navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail page not found' })
    redirectTo.mockRejectedValueOnce({ errMsg: 'redirectTo:fail page not found' })
    openAppPath('/pages/nowhere/index')
    await settle()
    expect(redirectTo).toHaveBeenCalledTimes(1)
  })
})

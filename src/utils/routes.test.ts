import { routes, TAB_PAGES } from './routes'

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

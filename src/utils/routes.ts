import Taro from '@tarojs/taro'

export const routes = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  institution: (id: string) => `/pages/institution/index?id=${encodeURIComponent(id)}`,
  compare: '/pages/compare/index',
  favourites: '/pages/favourites/index',
  signIn: '/pages/sign-in/index',
  child: (id?: string) => (id ? `/pages/child/index?id=${encodeURIComponent(id)}` : '/pages/child/index'),
  privacy: '/pages/privacy/index',
  linked: '/pages/linked/index',
  complaints: '/pages/complaints/index',
  complaintNew: (institution?: { id: string; name: string }) =>
    institution
      ? `/pages/complaint-new/index?institutionId=${encodeURIComponent(institution.id)}&name=${encodeURIComponent(institution.name)}`
      : '/pages/complaint-new/index',
  complaintFiled: (trackingNumber: string) => `/pages/complaint-filed/index?tn=${encodeURIComponent(trackingNumber)}`,
  notices: (institutionId: string, name?: string) =>
    `/pages/notices/index?institutionId=${encodeURIComponent(institutionId)}${name ? `&name=${encodeURIComponent(name)}` : ''}`,
  notice: (id: string) => `/pages/notices/detail?id=${encodeURIComponent(id)}`,
  noticeCompose: (institutionId: string, id?: string) =>
    `/pages/notices/compose?institutionId=${encodeURIComponent(institutionId)}${id ? `&id=${encodeURIComponent(id)}` : ''}`,
  committee: (institutionId: string) => `/pages/committee/index?institutionId=${encodeURIComponent(institutionId)}`,
  complaintFollow: (trackingNumber?: string) =>
    trackingNumber ? `/pages/complaint-follow/index?tn=${encodeURIComponent(trackingNumber)}` : '/pages/complaint-follow/index',
  classes: '/pages/classes/index',
  classDetail: (id: string) => `/pages/class/index?id=${encodeURIComponent(id)}`,
  signUps: '/pages/sign-ups/index',
  guidance: '/pages/guidance/index',
  guidanceNew: '/pages/guidance/new',
  guidanceDetail: (id: string) => `/pages/guidance/detail?id=${encodeURIComponent(id)}`,
  info: '/pages/info/index',
  articles: '/pages/articles/index',
  article: (id: string) => `/pages/articles/detail?id=${encodeURIComponent(id)}`,
  bulletins: '/pages/bulletins/index',
  bulletin: (id: string) => `/pages/bulletins/detail?id=${encodeURIComponent(id)}`,
  sanctions: '/pages/sanctions/index',
  subsidies: (childId?: string) => (childId ? `/pages/subsidies/index?childId=${encodeURIComponent(childId)}` : '/pages/subsidies/index'),
}

/** The tab pages of app.config.ts, in its order (routes.test.ts keeps them equal): navigateTo cannot open them, switchTab must. */
export const TAB_PAGES = ['/pages/index/index', '/pages/classes/index', '/pages/info/index', '/pages/complaints/index', '/pages/me/index']

/**
 * navigateTo fails when WeChat's page stack is full (10 pages): the page then takes the current one's place. When
 * that fails too (an unknown path) there is nothing left to do, and the failure is deliberately dropped.
 */
function navigate(url: string): void {
  Taro.navigateTo({ url })
    .catch(() => Taro.redirectTo({ url }))
    .catch(() => undefined)
}

// A tab that cannot be switched to, or no page to go back to, leaves the parent where they are: nothing to report.
const switchTab = (url: string) => void Taro.switchTab({ url }).catch(() => undefined)

/** Opens an in-app path such as one written in an article ("/pages/..."), on a tab or as a new page. */
export function openAppPath(path: string): void {
  const page = path.split('?')[0]
  if (TAB_PAGES.includes(page)) switchTab(page)
  else navigate(path)
}

export function openInstitution(id: string): void {
  navigate(routes.institution(id))
}

export function openCompare(): void {
  navigate(routes.compare)
}

export function openFavourites(): void {
  navigate(routes.favourites)
}

export function openPage(url: string): void {
  navigate(url)
}

/** Back to the previous page; a page opened directly (H5 refresh, shared link) goes to 我的 instead. */
export function goBackOr(tabUrl: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => switchTab(tabUrl))
  else switchTab(tabUrl)
}

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
    institution ? `/pages/complaint-new/index?institutionId=${encodeURIComponent(institution.id)}&name=${encodeURIComponent(institution.name)}` : '/pages/complaint-new/index',
  complaintFiled: (trackingNumber: string) => `/pages/complaint-filed/index?tn=${encodeURIComponent(trackingNumber)}`,
  notices: (institutionId: string, name?: string) =>
    `/pages/notices/index?institutionId=${encodeURIComponent(institutionId)}${name ? `&name=${encodeURIComponent(name)}` : ''}`,
  notice: (id: string) => `/pages/notices/detail?id=${encodeURIComponent(id)}`,
  noticeCompose: (institutionId: string, id?: string) =>
    `/pages/notices/compose?institutionId=${encodeURIComponent(institutionId)}${id ? `&id=${encodeURIComponent(id)}` : ''}`,
  committee: (institutionId: string) => `/pages/committee/index?institutionId=${encodeURIComponent(institutionId)}`,
  complaintFollow: (trackingNumber?: string) => (trackingNumber ? `/pages/complaint-follow/index?tn=${encodeURIComponent(trackingNumber)}` : '/pages/complaint-follow/index'),
}

export function openInstitution(id: string): void {
  void Taro.navigateTo({ url: routes.institution(id) })
}

export function openCompare(): void {
  void Taro.navigateTo({ url: routes.compare })
}

export function openFavourites(): void {
  void Taro.navigateTo({ url: routes.favourites })
}

export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}

/** Back to the previous page; a page opened directly (H5 refresh, shared link) goes to 我的 instead. */
export function goBackOr(tabUrl: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: tabUrl })
}

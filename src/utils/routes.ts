import Taro from '@tarojs/taro'

export const routes = {
  home: '/pages/index/index',
  institution: (id: string) => `/pages/institution/index?id=${encodeURIComponent(id)}`,
  compare: '/pages/compare/index',
  favourites: '/pages/favourites/index',
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

export default defineAppConfig({
  // Tab pages must live in the main package.
  pages: ['pages/index/index', 'pages/classes/index', 'pages/info/index', 'pages/complaints/index', 'pages/me/index'],
  subPackages: [
    { root: 'pages/institution', pages: ['index'] },
    { root: 'pages/compare', pages: ['index'] },
    { root: 'pages/favourites', pages: ['index'] },
    { root: 'pages/sign-in', pages: ['index'] },
    { root: 'pages/child', pages: ['index'] },
    { root: 'pages/privacy', pages: ['index'] },
    { root: 'pages/linked', pages: ['index'] },
    { root: 'pages/complaint-new', pages: ['index'] },
    { root: 'pages/complaint-filed', pages: ['index'] },
    { root: 'pages/complaint-follow', pages: ['index'] },
    { root: 'pages/notices', pages: ['index', 'detail', 'compose'] },
    { root: 'pages/committee', pages: ['index'] },
    { root: 'pages/class', pages: ['index'] },
    { root: 'pages/sign-ups', pages: ['index'] },
    { root: 'pages/guidance', pages: ['index', 'new', 'detail'] },
    { root: 'pages/articles', pages: ['index', 'detail'] },
    { root: 'pages/bulletins', pages: ['index', 'detail'] },
    { root: 'pages/sanctions', pages: ['index'] },
    { root: 'pages/subsidies', pages: ['index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f3f5f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '吉林托育',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#626b79', // the tab labels: ≥ 4.5:1 on white
    selectedColor: '#1d5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '找托育', iconPath: 'assets/tabbar/find.png', selectedIconPath: 'assets/tabbar/find-active.png' },
      { pagePath: 'pages/classes/index', text: '课堂', iconPath: 'assets/tabbar/classes.png', selectedIconPath: 'assets/tabbar/classes-active.png' },
      { pagePath: 'pages/info/index', text: '资讯', iconPath: 'assets/tabbar/info.png', selectedIconPath: 'assets/tabbar/info-active.png' },
      { pagePath: 'pages/complaints/index', text: '投诉', iconPath: 'assets/tabbar/complaint.png', selectedIconPath: 'assets/tabbar/complaint-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // WeChat's code-quality audit (npm run check:weapp-quality): inject only the components a page uses; current component styles.
  lazyCodeLoading: 'requiredComponents',
  style: 'v2',
  // Which pages WeChat search may index: public ones only (copied beside app.json by config/index.ts).
  sitemapLocation: 'sitemap.json',
  // WeChat's 用户隐私保护指引: privacy APIs wait for onNeedPrivacyAuthorization (services/wechat-privacy; every page's PageFrame shows the sheet).
  __usePrivacyCheck__: true,
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: {
    // getFuzzyLocation's scope: WeChat's review asks for this name (scope.userLocation is for the precise getLocation).
    // WeChat shows at most 30 characters of desc.
    'scope.userFuzzyLocation': {
      desc: '用于查找您附近的托育机构并计算距离，只用模糊位置，不会保存',
    },
  },
})

export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    { root: 'pages/institution', pages: ['index'] },
    { root: 'pages/compare', pages: ['index'] },
    { root: 'pages/favourites', pages: ['index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f3f5f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '吉林托育',
    navigationBarTextStyle: 'black',
  },
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: {
    'scope.userLocation': {
      desc: '用于查找您附近的托育机构并计算距离，只使用模糊位置，不会保存您的位置',
    },
  },
})

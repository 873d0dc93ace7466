export default definePageConfig({
  navigationBarTitleText: '吉林托育',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  backgroundTextStyle: 'dark',
})

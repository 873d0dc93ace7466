export default definePageConfig({
  navigationBarTitleText: '家长课堂',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  backgroundTextStyle: 'dark',
})

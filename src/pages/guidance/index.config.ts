export default definePageConfig({
  navigationBarTitleText: '入户指导',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})

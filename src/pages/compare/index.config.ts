export default definePageConfig({
  navigationBarTitleText: '机构对比',
})

export default definePageConfig({
  navigationBarTitleText: '课堂详情',
})

export default definePageConfig({
  navigationBarTitleText: '孩子信息',
})

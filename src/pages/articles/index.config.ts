export default definePageConfig({
  navigationBarTitleText: '政策与指南',
})

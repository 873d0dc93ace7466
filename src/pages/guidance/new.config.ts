export default definePageConfig({
  navigationBarTitleText: '申请入户指导',
})

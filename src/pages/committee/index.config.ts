export default definePageConfig({
  navigationBarTitleText: '家长委员会',
})

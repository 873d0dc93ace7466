export default definePageConfig({
  navigationBarTitleText: '等级评价公示',
})

export default definePageConfig({
  navigationBarTitleText: '失信与处罚公示',
})

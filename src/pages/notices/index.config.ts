export default definePageConfig({
  navigationBarTitleText: '家委会公告',
})

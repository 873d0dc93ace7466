export default definePageConfig({
  navigationBarTitleText: '政策与指南',
  // WeChat shows 转发 only on pages that enable it; the card's title comes from useShareAppMessage.
  enableShareAppMessage: true,
})

export default definePageConfig({
  navigationBarTitleText: '政策与指南',
  // WeChat offers 转发 and 分享到朋友圈 only on pages that enable them; the answers come from useSharePage.
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

import type { UserConfigExport } from '@tarojs/cli'

export default {
  // WeChat's code-quality audit wants JS, WXML and WXSS compressed (npm run check:weapp-quality). Production builds
  // minify JS with terser and WXSS with csso (stated here so nobody turns them off unawares); WXML whitespace is
  // collapsed only when asked. project.config.json's minified/minifyWXML/minifyWXSS ask WeChat to do the same on upload.
  terser: { enable: true },
  csso: { enable: true },
  mini: {
    minifyXML: { collapseWhitespace: true },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>

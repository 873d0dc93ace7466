import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { asyncChunkGroups, InlineEarlySearch, PreloadHomePage, StylesheetAfterAppShell } from './h5-chunks'
import { DEVELOPMENT_API_BASE, readWeappSettingsOrExit } from './weapp-settings'

// https://taro-docs.jd.com/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  // Checked before anything is built: a production weapp build without an https BFF and an AppID stops here, naming them.
  const weapp = process.env.TARO_ENV === 'weapp' ? readWeappSettingsOrExit(process.env) : null
  // TARO_OUTPUT_ROOT: a second build beside the developer's own (the weapp runtime tests build into their own folder).
  const outputRoot = process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jilin-tuoyu',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    // Baked into the bundle at build time (no secrets here). Only the mini-program uses it: H5 calls its own origin.
    env: {
      TARO_APP_API_BASE: JSON.stringify(weapp?.apiBase ?? process.env.TARO_APP_API_BASE ?? DEVELOPMENT_API_BASE),
    },
    defineConstants: {},
    // WeChat's sitemap (which pages its search may index) sits beside app.json (sitemapLocation in src/app.config.ts);
    // the map's marker icon is a file, as WeChat's map asks for an iconPath.
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [
              { from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` },
              { from: 'src/assets/map', to: `${outputRoot}/assets/map` },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Styles are scoped by class name, so the order of CSS chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, cacheGroups: { ...splitChunks.cacheGroups, ...asyncChunkGroups() } })
        chain.plugin('preload-home-page').use(PreloadHomePage)
        chain.plugin('stylesheet-after-app-shell').use(StylesheetAfterAppShell)
        chain.plugin('inline-early-search').use(InlineEarlySearch)
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // Leaflet's stylesheet is in CSS pixels (its tiles and markers are placed in pixels): not the 750 design width.
        pxtransform: { enable: true, config: { exclude: (file: string) => /node_modules[\\/]leaflet[\\/]/.test(file) } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

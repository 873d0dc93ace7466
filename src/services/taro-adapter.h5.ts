import type { AxiosAdapter } from 'axios'

/**
 * The H5 build's stand-in for taro-adapter.ts (Taro picks `.h5.ts` files for H5 only): in the browser axios uses its own
 * adapter (services/http.ts sets this one for the mini-program only), and without this file Taro.request and its
 * polyfills would sit in the H5 entry unused.
 */
export const taroAdapter: AxiosAdapter = () => Promise.reject(new Error('taroAdapter is for the mini-program; H5 uses axios’s own adapter'))

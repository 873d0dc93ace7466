import Taro from '@tarojs/taro'
import { createJSONStorage } from 'zustand/middleware'

/** zustand `persist` storage over the mini-program's (and H5's localStorage-backed) synchronous storage. */
export const taroStorage = createJSONStorage(() => ({
  getItem: (key: string): string | null => {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (key: string, value: string): void => Taro.setStorageSync(key, value),
  removeItem: (key: string): void => Taro.removeStorageSync(key),
}))

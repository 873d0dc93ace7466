/** Read at call time (Taro's build replaces process.env.TARO_ENV; tests may set it). */
export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp'
}

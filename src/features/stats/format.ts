/** 12345 → "12,345" (weapp's JS engines do not all group digits in toLocaleString). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 0.4567 → "45.7%". */
export function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`
}

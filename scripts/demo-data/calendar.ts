import dayjs from 'dayjs'

/**
 * Dates as whole days since 2020-01-01, formatted through a cache: generating 100,000 rows needs about a million date
 * operations, and calling dayjs for each one would take most of the run time.
 */
const EPOCH = dayjs('2020-01-01')
const formatted: string[] = []

export function dayNumber(date: string): number {
  return dayjs(date).diff(EPOCH, 'day')
}

export function formatDay(day: number): string {
  return (formatted[day] ??= EPOCH.add(day, 'day').format('YYYY-MM-DD'))
}

const yearsLater = new Map<string, number>()

/** The day before the same date `years` later: the last day of a validity of `years` years. */
export function lastDayAfterYears(day: number, years: number): number {
  const key = `${day}+${years}`
  let result = yearsLater.get(key)
  if (result === undefined) {
    result = EPOCH.add(day, 'day').add(years, 'year').subtract(1, 'day').diff(EPOCH, 'day')
    yearsLater.set(key, result)
  }
  return result
}

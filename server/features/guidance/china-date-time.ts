import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** '2026-12-05 09:30' in China time (UTC+8), whatever the server's time zone. */
export const chinaDateTime = (iso: string) =>
  dayjs(iso)
    .utcOffset(8 * 60)
    .format('YYYY-MM-DD HH:mm')

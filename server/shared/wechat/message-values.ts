import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

// Values of subscription messages in WeChat's formats (each template key's type decides its format and length).

/** thing: at most 20 characters; longer text is cut with an ellipsis. */
export function thing(text: string): { value: string } {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return { value: chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…` }
}

/** time: 'YYYY年MM月DD日 HH:mm' in China time (UTC+8), whatever the server's time zone. */
export function time(iso: string): { value: string } {
  return {
    value: dayjs(iso)
      .utcOffset(8 * 60)
      .format('YYYY年MM月DD日 HH:mm'),
  }
}

/** phrase: at most 5 characters, Chinese only. */
export function phrase(text: string): { value: string } {
  return { value: [...text].slice(0, 5).join('') }
}

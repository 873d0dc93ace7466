import dayjs from 'dayjs'
import { t } from '../../i18n'

export function formatDateTime(value: string): string {
  return dayjs(value).format(t('time.dateTime'))
}

/**
 * A tracking number or secret in the groups it is read out and typed in: the secret's own dash-separated groups
 * (each keeps its dash, so the text stays the code), else groups of four, e.g. TS20 2611 28AB C234.
 */
export function codeGroups(code: string): string[] {
  if (code.includes('-')) {
    const parts = code.split('-')
    return parts.map((part, i) => (i < parts.length - 1 ? `${part}-` : part))
  }
  return code.match(/.{1,4}/g) ?? []
}

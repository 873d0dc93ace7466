import dayjs from 'dayjs'
import { t } from '../../i18n'

export function formatDateTime(value: string): string {
  return dayjs(value).format(t('time.dateTime'))
}

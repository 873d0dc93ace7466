import type { GuidanceStatus } from '../../../../types/guidance'
import { Tag, type TagTone } from '../../../components/tag'
import { t } from '../../../i18n'

const tones: Record<GuidanceStatus, TagTone> = { requested: 'blue', scheduled: 'green', done: 'gray', declined: 'red', cancelled: 'gray' }

export function GuidanceStatusTag({ status }: { status: GuidanceStatus }) {
  return <Tag tone={tones[status]}>{t(`guidance.status.${status}`)}</Tag>
}

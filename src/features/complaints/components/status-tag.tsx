import type { ComplaintStatus } from '../../../../types/complaints'
import { Tag, type TagTone } from '../../../components/tag'
import { t } from '../../../i18n'

const TONES: Record<ComplaintStatus, TagTone> = {
  submitted: 'gray',
  accepted: 'blue',
  assigned: 'blue',
  in_progress: 'blue',
  replied: 'green',
  closed: 'green',
  rejected: 'orange',
}

export function StatusTag({ status }: { status: ComplaintStatus }) {
  return (
    <Tag tone={TONES[status]} className='complaint-status'>
      {t(`enums.complaintStatus.${status}`)}
    </Tag>
  )
}

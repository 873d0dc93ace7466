import { Button } from '@tarojs/components'
import { t } from '../../../i18n'
import './complaints.scss'

/** 投诉该机构 on an institution's page: the page composes it and says where it leads. */
export function ComplainButton({ onClick }: { onClick: () => void }) {
  return (
    <Button className='btn btn--small btn--plain complain-button' onClick={onClick}>
      {t('complaints.complainHere')}
    </Button>
  )
}

import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { t } from '../../../i18n'

type Props = { acknowledged: boolean; onAcknowledge: () => void }

/** 疑似虐童: call the police first; the report itself goes to 公安 and 卫生健康 at once. */
export function AbuseNotice({ acknowledged, onAcknowledge }: Props) {
  return (
    <View className='abuse-notice' role='alert'>
      <Text className='abuse-notice__title'>{t('complaints.abuseTitle')}</Text>
      <Button className='btn btn--danger btn--block abuse-notice__call' onClick={() => void Taro.makePhoneCall({ phoneNumber: '110' }).catch(() => undefined)}>
        {t('complaints.abuseCall')}
      </Button>
      <Text className='abuse-notice__body'>{t('complaints.abuseBody')}</Text>
      {acknowledged ? (
        <Text className='abuse-notice__acked'>✓ {t('complaints.abuseAcked')}</Text>
      ) : (
        <Button className='btn btn--ghost btn--block abuse-notice__ack' onClick={onAcknowledge}>
          {t('complaints.abuseAck')}
        </Button>
      )}
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { EmptyState } from '../../../components/empty-state'
import { t } from '../../../i18n'
import { useComplaintDraft } from '../draft-store'
import { useLocalComplaints } from '../local-complaints'
import './complaints.scss'

type Props = { trackingNumber: string | undefined; onFollow: (trackingNumber: string) => void; onHome: () => void }

const copy = (data: string) => void Taro.setClipboardData({ data }).catch(() => undefined)

/** The tracking number and secret, large and copyable: an anonymous reporter has nothing else to follow the complaint with. */
export function FiledSuccess({ trackingNumber, onFollow, onHome }: Props) {
  const filed = useLocalComplaints((s) => (trackingNumber ? s.items.find((i) => i.trackingNumber === trackingNumber) : undefined))
  const finishFiled = useComplaintDraft((s) => s.finishFiled)

  // Saved on the device and now on screen: the draft has served its purpose.
  useEffect(() => {
    if (filed) finishFiled(filed.trackingNumber)
  }, [filed, finishFiled])

  if (!filed) return <EmptyState title={t('complaints.filedNotFound')} actionText={t('complaints.backHome')} onAction={onHome} />

  const departments = filed.departments.map((d) => t(`enums.department.${d}`)).join('、')
  return (
    <View className='filed-success'>
      <View className='filed-success__head'>
        <Text className='filed-success__icon'>✓</Text>
        <Text className='filed-success__title'>{t('complaints.filedTitle')}</Text>
      </View>
      {filed.urgent ? (
        <View className='filed-success__urgent' role='status'>
          {t('complaints.urgentSent')}
        </View>
      ) : null}
      <View className='filed-success__codes'>
        <View className='filed-success__code'>
          <Text className='filed-success__label'>{t('complaints.trackingNumber')}</Text>
          <View className='filed-success__value-row'>
            <Text className='filed-success__value complaint-tracking-number' userSelect>
              {filed.trackingNumber}
            </Text>
            <Text className='filed-success__copy' onClick={() => copy(filed.trackingNumber)}>
              {t('complaints.copy')}
            </Text>
          </View>
        </View>
        <View className='filed-success__code'>
          <Text className='filed-success__label'>{t('complaints.secret')}</Text>
          <View className='filed-success__value-row'>
            <Text className='filed-success__value complaint-secret' userSelect>
              {filed.secret}
            </Text>
            <Text className='filed-success__copy' onClick={() => copy(filed.secret)}>
              {t('complaints.copy')}
            </Text>
          </View>
        </View>
        <View className='filed-success__warning' role='alert'>
          {t('complaints.keepSecret')}
        </View>
        <Button className='btn btn--ghost btn--block' onClick={() => copy(t('complaints.copyText', { number: filed.trackingNumber, secret: filed.secret }))}>
          {t('complaints.copyBoth')}
        </Button>
      </View>
      {departments ? <Text className='filed-success__sent'>{t('complaints.sentTo', { departments })}</Text> : null}
      <View className='filed-success__actions'>
        <Button className='btn btn--block' onClick={() => onFollow(filed.trackingNumber)}>
          {t('complaints.viewProgress')}
        </Button>
        <Button className='btn btn--plain btn--block' onClick={onHome}>
          {t('complaints.backHome')}
        </Button>
      </View>
    </View>
  )
}

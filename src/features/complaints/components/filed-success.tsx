import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { EmptyState } from '../../../components/empty-state'
import { t } from '../../../i18n'
import { useComplaintDraft } from '../draft-store'
import { useLocalComplaints } from '../local-complaints'
import { StatusTag } from './status-tag'
import { TrackingCode } from './tracking-code'
import { pressable } from '../../../components/a11y'
import './complaints.scss'

type Props = { trackingNumber: string | undefined; onFollow: (trackingNumber: string) => void; onHome: () => void }

const copy = (data: string) => void Taro.setClipboardData({ data }).catch(() => undefined)

/**
 * The tracking number and secret, large and copyable: an anonymous reporter has nothing else to follow the complaint with.
 * The status is the one the BFF answered, and what comes next is said as it will happen: a complaint is forwarded to its
 * departments when accepted (suspected abuse at once), never before.
 */
export function FiledSuccess({ trackingNumber, onFollow, onHome }: Props) {
  const filed = useLocalComplaints((s) => (trackingNumber ? s.items.find((i) => i.trackingNumber === trackingNumber) : undefined))
  const finishFiled = useComplaintDraft((s) => s.finishFiled)

  // Saved on the device and now on screen: the draft has served its purpose.
  useEffect(() => {
    if (filed) finishFiled(filed.trackingNumber)
  }, [filed, finishFiled])

  if (!filed) return <EmptyState title={t('complaints.filedNotFound')} actionText={t('complaints.backHome')} onAction={onHome} />

  const departments = filed.departments.map((d) => t(`enums.department.${d}`)).join('、')
  const next = filed.status === 'submitted' && departments ? t('complaints.nextSubmitted', { departments }) : t('complaints.nextOther')
  return (
    <View className='filed-success'>
      <View className='filed-success__head'>
        <Text className='filed-success__icon'>✓</Text>
        <Text className='filed-success__title'>{t('complaints.filedTitle')}</Text>
      </View>
      <View className='filed-success__status'>
        <Text className='filed-success__label'>{t('complaints.filedStatus')}</Text>
        <StatusTag status={filed.status} />
      </View>
      {filed.urgent && departments ? (
        <View className='filed-success__urgent' role='status'>
          {t('complaints.urgentSent', { departments })}
        </View>
      ) : (
        <Text className='filed-success__next'>{next}</Text>
      )}
      <View className='filed-success__codes'>
        <View className='filed-success__code'>
          <Text className='filed-success__label'>{t('complaints.trackingNumber')}</Text>
          <View className='filed-success__value-row'>
            <TrackingCode className='filed-success__value complaint-tracking-number' code={filed.trackingNumber} />
            <View {...pressable('button')} className='filed-success__copy' onClick={() => copy(filed.trackingNumber)}>
              {t('complaints.copy')}
            </View>
          </View>
        </View>
        <View className='filed-success__code'>
          <Text className='filed-success__label'>{t('complaints.secret')}</Text>
          <View className='filed-success__value-row'>
            <TrackingCode className='filed-success__value complaint-secret' code={filed.secret} />
            <View {...pressable('button')} className='filed-success__copy' onClick={() => copy(filed.secret)}>
              {t('complaints.copy')}
            </View>
          </View>
        </View>
        <View className='filed-success__warning' role='alert'>
          {t('complaints.keepSecret')}
        </View>
        <Button className='btn btn--ghost btn--block' onClick={() => copy(t('complaints.copyText', { number: filed.trackingNumber, secret: filed.secret }))}>
          {t('complaints.copyBoth')}
        </Button>
      </View>
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

import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'

type Props = { initialNumber?: string; busy: boolean; error: string | null; onTrack: (trackingNumber: string, secret: string) => void }

/** 查询进度 with the number and secret shown when the complaint was filed. */
export function TrackForm({ initialNumber = '', busy, error, onTrack }: Props) {
  const [trackingNumber, setTrackingNumber] = useState(initialNumber)
  const [secret, setSecret] = useState('')
  return (
    <View className='track-form card'>
      <Text className='track-form__intro'>{t('complaints.trackIntro')}</Text>
      <Input
        className='field'
        maxlength={16}
        placeholder={t('complaints.trackNumberPlaceholder')}
        value={trackingNumber}
        onInput={(e) => setTrackingNumber(e.detail.value)}
      />
      <Input
        className='field'
        maxlength={64}
        placeholder={t('complaints.trackSecretPlaceholder')}
        value={secret}
        onInput={(e) => setSecret(e.detail.value)}
        onConfirm={() => onTrack(trackingNumber, secret)}
      />
      <FormError className='complaint-form__error' message={error} />
      <Button className='btn btn--block track-form__submit' disabled={busy || undefined} onClick={() => onTrack(trackingNumber, secret)}>
        {busy ? t('complaints.tracking') : t('complaints.trackSubmit')}
      </Button>
    </View>
  )
}

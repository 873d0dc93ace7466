import { Button, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { t } from '../../../i18n'
import { FormError } from '../../../components/form-error'
import { PhotoGrid } from '../../../components/photo-grid'
import { useAction } from '../../../services/action'
import { allUploaded, MAX_PHOTOS, uploadedIds, usePhotoUploads } from '../../../services/photo-uploads'
import { uploadComplaintPhoto } from '../photos'

type Props = { onSubmit: (text: string, photoIds: string[]) => Promise<void> }

/** 补充材料 while the complaint is open: text and up to nine photos, uploaded as they are chosen. */
export function AdditionForm({ onSubmit }: Props) {
  const [text, setText] = useState('')
  const { photos, add, retry, remove, clear } = usePhotoUploads(uploadComplaintPhoto)
  const { run, busy, error, setError } = useAction()

  const submit = async () => {
    const trimmed = text.trim()
    if (!trimmed) return setError(t('complaints.additionInvalid'))
    if (!allUploaded(photos)) return setError(t('complaints.photosPending'))
    await run(async () => {
      await onSubmit(trimmed, uploadedIds(photos))
      clear()
      setText('')
      void Taro.showToast({ title: t('complaints.additionSent'), icon: 'success' })
    })
  }

  return (
    <View className='addition-form'>
      <Textarea
        className='field complaint-form__textarea'
        maxlength={2000}
        placeholder={t('complaints.additionPlaceholder')}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <PhotoGrid photos={photos} max={MAX_PHOTOS} onAdd={() => void add()} onRetry={(localId) => void retry(localId)} onRemove={remove} />
      <FormError className='complaint-form__error' message={error} />
      <Button className='btn btn--block' disabled={busy || undefined} onClick={() => void submit()}>
        {t('complaints.additionSubmit')}
      </Button>
    </View>
  )
}

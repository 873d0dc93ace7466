import { Button, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { t } from '../../../i18n'
import { describeActionError } from '../../../services/http'
import { allUploaded, choosePhotos, forgetPhoto, MAX_PHOTOS, newPhotoItem, runUpload, uploadedIds, type PhotoItem } from '../photos'
import { PhotoGrid } from './photo-grid'

type Props = { onSubmit: (text: string, photoIds: string[]) => Promise<void> }

/** 补充材料 while the complaint is open: text and up to nine photos, uploaded as they are chosen. */
export function AdditionForm({ onSubmit }: Props) {
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const updatePhoto = (localId: string, patch: Partial<PhotoItem>) => setPhotos((list) => list.map((p) => (p.localId === localId ? { ...p, ...patch } : p)))
  const add = async () => {
    const items = (await choosePhotos(MAX_PHOTOS - photos.length)).map(newPhotoItem)
    setPhotos((list) => [...list, ...items].slice(0, MAX_PHOTOS))
    await Promise.all(items.filter((i) => i.status === 'uploading').map((item) => runUpload(item, updatePhoto)))
  }
  const retry = (localId: string) => {
    const item = photos.find((p) => p.localId === localId)
    if (item) void runUpload(item, updatePhoto)
  }
  const remove = (localId: string) => {
    forgetPhoto(localId)
    setPhotos((list) => list.filter((p) => p.localId !== localId))
  }

  const submit = async () => {
    const trimmed = text.trim()
    if (!trimmed) return setError(t('complaints.additionInvalid'))
    if (!allUploaded(photos)) return setError(t('complaints.photosPending'))
    setBusy(true)
    setError(null)
    try {
      await onSubmit(trimmed, uploadedIds(photos))
      photos.forEach((p) => forgetPhoto(p.localId))
      setText('')
      setPhotos([])
      void Taro.showToast({ title: t('complaints.additionSent'), icon: 'success' })
    } catch (e) {
      setError(describeActionError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='addition-form'>
      <Textarea className='field complaint-form__textarea' maxlength={2000} placeholder={t('complaints.additionPlaceholder')} value={text} onInput={(e) => setText(e.detail.value)} />
      <PhotoGrid photos={photos} max={MAX_PHOTOS} onAdd={() => void add()} onRetry={retry} onRemove={remove} />
      {error ? (
        <View className='complaint-form__error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button className='btn btn--block' disabled={busy || undefined} onClick={() => void submit()}>
        {t('complaints.additionSubmit')}
      </Button>
    </View>
  )
}

import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { t } from '../i18n'
import type { PhotoItem } from '../services/photo-uploads'
import { imageAlt, pressable } from './a11y'
import './photo-grid.scss'

type Props = { photos: PhotoItem[]; max: number; onAdd: () => void; onRetry: (localId: string) => void; onRemove: (localId: string) => void }

function Thumb({ photo, index, onRetry, onRemove }: { photo: PhotoItem; index: number; onRetry: () => void; onRemove: () => void }) {
  // A blob URL does not survive a reload of the H5 page: the photo itself is uploaded all the same.
  const [broken, setBroken] = useState(false)
  return (
    <View className={`photo-thumb photo-thumb--${photo.status}`} data-testid='photo-thumb'>
      {broken ? (
        <Text className='photo-thumb__placeholder'>{t('photos.unavailable')}</Text>
      ) : (
        <Image
          className='photo-thumb__img'
          src={photo.path}
          mode='aspectFill'
          {...imageAlt(t('photos.nth', { n: index + 1 }))}
          onError={() => setBroken(true)}
        />
      )}
      {photo.status === 'uploading' ? <Text className='photo-thumb__overlay'>{t('photos.uploading', { percent: photo.progress })}</Text> : null}
      {photo.status === 'failed' ? (
        <View className='photo-thumb__overlay photo-thumb__overlay--failed' role='alert'>
          <Text>{photo.error ?? t('photos.uploadFailed')}</Text>
          <View {...pressable('button')} className='photo-thumb__retry' onClick={onRetry}>
            {t('photos.retry')}
          </View>
        </View>
      ) : null}
      <View {...pressable('button')} className='photo-thumb__remove' aria-label={t('photos.remove')} onClick={onRemove}>
        ×
      </View>
    </View>
  )
}

/** Up to `max` photos: each uploads as soon as it is chosen (services/photo-uploads); failures can be retried or removed. */
export function PhotoGrid({ photos, max, onAdd, onRetry, onRemove }: Props) {
  return (
    <View className='photo-grid'>
      {photos.map((photo, index) => (
        <Thumb key={photo.localId} photo={photo} index={index} onRetry={() => onRetry(photo.localId)} onRemove={() => onRemove(photo.localId)} />
      ))}
      {photos.length < max ? (
        <View className='photo-grid__add' {...pressable('button')} onClick={onAdd}>
          <Text className='photo-grid__plus'>＋</Text>
          <Text>{t('photos.add')}</Text>
        </View>
      ) : (
        <Text className='photo-grid__full'>{t('photos.full', { max })}</Text>
      )}
    </View>
  )
}

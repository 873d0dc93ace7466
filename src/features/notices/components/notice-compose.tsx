import Taro from '@tarojs/taro'
import { Button, Image, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import type { Notice, NoticeCategory, NoticeEdit, NoticeInput } from '../../../../types/notices'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { describeActionError, statusOf } from '../../../services/http'
import { absoluteUrl, pickImages, type PickedImage } from '../../../services/upload'
import { uploadNoticeImage } from '../api'
import { NOTICE_CATEGORY_ORDER } from '../constants'
import { useNoticesStore } from '../store'
import './notices.scss'

export const MAX_NOTICE_IMAGES = 9
const MAX_IMAGE_BYTES = 8 * 1024 * 1024

type ImageItem = { key: string; image: PickedImage | null; path: string; status: 'uploading' | 'done' | 'failed'; imageId: string | null; error: string | null }

type Props = { institutionId: string; /** Editing an existing notice. */ id?: string; onDone: () => void }

let sequence = 0

/**
 * The whole notice as PUT takes it, or null when nothing changed (no new version for that). An expiry date left as it
 * was goes back to the instant it was, so a notice already past it can still be edited.
 */
function editOf(notice: Notice, input: NoticeInput, expiry: string): NoticeEdit | null {
  const before = notice.expiresAt ? dayjs(notice.expiresAt).format('YYYY-MM-DD') : ''
  const edit: NoticeEdit = {
    title: input.title,
    body: input.body,
    category: input.category,
    pinned: input.pinned,
    expiresAt: expiry === before ? notice.expiresAt : (input.expiresAt ?? null),
    imageIds: input.imageIds,
  }
  const unchanged = edit.title === notice.title && edit.body === notice.body && edit.category === notice.category && edit.pinned === notice.pinned
    && edit.expiresAt === notice.expiresAt && edit.imageIds.join() === notice.images.map((image) => image.id).join()
  return unchanged ? null : edit
}

function itemsOf(notice: Notice): ImageItem[] {
  return notice.images.map((image) => ({ key: image.id, image: null, path: absoluteUrl(image.url), status: 'done', imageId: image.id, error: null }))
}

/** 发布公告 / 编辑: title, body, category, 置顶, optional expiry, up to 9 images uploaded as they are chosen. */
export function NoticeCompose({ institutionId, id, onDone }: Props) {
  const existing = useNoticesStore((s) => (id ? (s.committee[institutionId]?.items.find((n) => n.id === id) ?? s.details[id]?.notice ?? null) : null))
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [category, setCategory] = useState<NoticeCategory>('notice')
  const [pinned, setPinned] = useState(false)
  const [expiry, setExpiry] = useState('')
  const [images, setImages] = useState<ImageItem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const filled = useRef(false)

  useEffect(() => {
    if (id && !existing) void useNoticesStore.getState().openNotice(id)
  }, [id, existing])

  useEffect(() => {
    if (!existing || filled.current) return
    filled.current = true
    setTitle(existing.title)
    setBody(existing.body)
    setCategory(existing.category)
    setPinned(existing.pinned)
    setExpiry(existing.expiresAt ? dayjs(existing.expiresAt).format('YYYY-MM-DD') : '')
    setImages(itemsOf(existing))
  }, [existing])

  const update = (key: string, patch: Partial<ImageItem>) => setImages((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)))

  const upload = async (item: ImageItem) => {
    if (!item.image) return
    if (item.image.size > MAX_IMAGE_BYTES) {
      update(item.key, { status: 'failed', error: t('complaints.photoTooLarge') })
      return
    }
    update(item.key, { status: 'uploading', error: null })
    try {
      const uploaded = await uploadNoticeImage(item.image, () => undefined)
      update(item.key, { status: 'done', imageId: uploaded.id })
    } catch (e) {
      update(item.key, { status: 'failed', error: describeActionError(e) })
    }
  }

  const add = async () => {
    const picked = await pickImages(MAX_NOTICE_IMAGES - images.length)
    const items: ImageItem[] = picked.map((image) => {
      sequence += 1
      return { key: `n${sequence}`, image, path: image.path, status: 'uploading', imageId: null, error: null }
    })
    setImages((list) => [...list, ...items].slice(0, MAX_NOTICE_IMAGES))
    await Promise.all(items.map(upload))
  }

  const submit = async () => {
    const trimmedTitle = title.trim()
    if (trimmedTitle.length < 2 || trimmedTitle.length > 80) return setError(t('notices.compose.titleInvalid'))
    if (!body.trim()) return setError(t('notices.compose.bodyInvalid'))
    if (!images.every((image) => image.status === 'done' && image.imageId)) return setError(t('notices.compose.waitUploads'))
    const input: NoticeInput = {
      title: trimmedTitle,
      body,
      category,
      pinned,
      imageIds: images.map((image) => image.imageId as string),
      ...(expiry ? { expiresAt: dayjs(expiry).endOf('day').toISOString() } : {}),
    }
    setBusy(true)
    setError(null)
    try {
      const store = useNoticesStore.getState()
      if (id && existing) {
        const edit = editOf(existing, input, expiry)
        if (edit) await store.update(id, institutionId, edit)
      } else await store.publish(institutionId, input)
      void Taro.showToast({ title: id ? t('notices.compose.saved') : t('notices.compose.published'), icon: 'success' })
      onDone()
    } catch (e) {
      setError(statusOf(e) === 409 ? t('notices.compose.conflict') : describeActionError(e, { title: t('notices.compose.titleLabel'), body: t('notices.compose.bodyLabel') }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='notice-compose'>
      <View className='section'>
        <Input className='field notice-compose__title' maxlength={80} placeholder={t('notices.compose.titlePlaceholder')} value={title} onInput={(e) => setTitle(e.detail.value)} />
        <Textarea className='field notice-compose__body' maxlength={5000} placeholder={t('notices.compose.bodyPlaceholder')} value={body} onInput={(e) => setBody(e.detail.value)} />
      </View>
      <View className='section'>
        <Text className='section__title'>{t('notices.compose.category')}</Text>
        <View className='notice-compose__chips'>
          {NOTICE_CATEGORY_ORDER.map((value) => (
            <Chip key={value} selected={category === value} onClick={() => setCategory(value)}>
              {t(`notices.category.${value}`)}
            </Chip>
          ))}
        </View>
        <View className='notice-compose__line'>
          <Text>{t('notices.compose.pinned')}</Text>
          <Switch aria-label={t('notices.compose.pinned')} checked={pinned} onChange={(e) => setPinned(e.detail.value)} />
        </View>
        <View className='notice-compose__line'>
          <Text>{t('notices.compose.expiry')}</Text>
          <Picker mode='date' value={expiry} start={dayjs().format('YYYY-MM-DD')} onChange={(e) => setExpiry(String(e.detail.value))}>
            <Text className='notice-compose__picker'>{expiry || t('notices.compose.expiryNone')}</Text>
          </Picker>
          {expiry ? (
            <Text className='notice-compose__clear' onClick={() => setExpiry('')}>
              {t('notices.compose.expiryClear')}
            </Text>
          ) : null}
        </View>
      </View>
      <View className='section'>
        <Text className='section__title'>{t('notices.compose.images', { max: MAX_NOTICE_IMAGES })}</Text>
        <View className='notice-images'>
          {images.map((item) => (
            <View key={item.key} className={`notice-thumb notice-thumb--${item.status}`} data-testid='notice-image'>
              <Image className='notice-thumb__img' src={item.path} mode='aspectFill' />
              {item.status === 'uploading' ? <Text className='notice-thumb__overlay'>{t('complaints.uploading', { percent: 0 })}</Text> : null}
              {item.status === 'failed' ? (
                <View className='notice-thumb__overlay notice-thumb__overlay--failed' role='alert'>
                  <Text>{item.error ?? t('complaints.uploadFailed')}</Text>
                  <Text className='notice-thumb__retry' onClick={() => void upload(item)}>
                    {t('complaints.uploadRetry')}
                  </Text>
                </View>
              ) : null}
              <Text className='notice-thumb__remove' aria-label={t('complaints.removePhoto')} onClick={() => setImages((list) => list.filter((i) => i.key !== item.key))}>
                ×
              </Text>
            </View>
          ))}
          {images.length < MAX_NOTICE_IMAGES ? (
            <View className='notice-images__add' role='button' onClick={() => void add()}>
              <Text className='notice-images__plus'>＋</Text>
              <Text>{t('complaints.addPhoto')}</Text>
            </View>
          ) : null}
        </View>
      </View>
      {error ? (
        <View className='notice-compose__error' role='alert'>
          {error}
        </View>
      ) : null}
      <View className='notice-compose__submit'>
        <Button className='btn btn--block' disabled={busy || undefined} onClick={() => void submit()}>
          {busy ? t('notices.compose.submitting') : id ? t('notices.compose.save') : t('notices.compose.submit')}
        </Button>
      </View>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, Input, Label, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import type { CommitteeNotice, Notice, NoticeCategory, NoticeEdit, NoticeInput } from '../../../../types/notices'
import { Chip } from '../../../components/chip'
import { FormError } from '../../../components/form-error'
import { PhotoGrid } from '../../../components/photo-grid'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { describeActionError, statusOf } from '../../../services/http'
import { allUploaded, MAX_PHOTOS, uploadedIds, uploadedPhotoItem, usePhotoUploads, type UploadPhoto } from '../../../services/photo-uploads'
import { absoluteUrl } from '../../../services/upload'
import { uploadNoticeImage } from '../api'
import { NOTICE_CATEGORY_ORDER } from '../constants'
import { getQueryData, useQuery } from '../../../services/server-data'
import { committeeNotices, noticeDetail, publishNotice, updateNotice } from '../queries'
import { pressable, switchName } from '../../../components/a11y'
import './notices.scss'

type Props = { institutionId: string; /** Editing an existing notice. */ id?: string; onDone: () => void }

/** Notice images (services/photo-uploads) go to /notices/images with the member's sign-in. */
const uploadImage: UploadPhoto = (image, onProgress) => uploadNoticeImage(image, onProgress).then((uploaded) => uploaded.id)

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
  const unchanged =
    edit.title === notice.title &&
    edit.body === notice.body &&
    edit.category === notice.category &&
    edit.pinned === notice.pinned &&
    edit.expiresAt === notice.expiresAt &&
    edit.imageIds.join() === notice.images.map((image) => image.id).join()
  return unchanged ? null : edit
}

/** 发布公告 / 编辑: title, body, category, 置顶, optional expiry, up to 9 images uploaded as they are chosen. */
export function NoticeCompose({ institutionId, id, onDone }: Props) {
  // Editing: the notice as the committee list has it, else fetched on its own.
  const listed = id ? getQueryData<CommitteeNotice[]>(committeeNotices(institutionId).key)?.find((n) => n.id === id) : undefined
  const fetched = useQuery(noticeDetail(id ?? ''), { enabled: Boolean(id) && !listed }).data
  const existing: Notice | null = listed ?? fetched ?? null
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [category, setCategory] = useState<NoticeCategory>('notice')
  const [pinned, setPinned] = useState(false)
  const [expiry, setExpiry] = useState('')
  const { photos: images, add, retry, remove, replace } = usePhotoUploads(uploadImage)
  const { run, busy, error, setError } = useAction()
  const filled = useRef(false)

  useEffect(() => {
    if (!existing || filled.current) return
    filled.current = true
    setTitle(existing.title)
    setBody(existing.body)
    setCategory(existing.category)
    setPinned(existing.pinned)
    setExpiry(existing.expiresAt ? dayjs(existing.expiresAt).format('YYYY-MM-DD') : '')
    // Images already published: shown from the BFF, kept unless removed.
    replace(existing.images.map((image) => uploadedPhotoItem(image.id, absoluteUrl(image.url))))
  }, [existing, replace])

  const submit = async () => {
    const trimmedTitle = title.trim()
    if (trimmedTitle.length < 2 || trimmedTitle.length > 80) return setError(t('notices.compose.titleInvalid'))
    if (!body.trim()) return setError(t('notices.compose.bodyInvalid'))
    if (!allUploaded(images)) return setError(t('notices.compose.waitUploads'))
    const input: NoticeInput = {
      title: trimmedTitle,
      body,
      category,
      pinned,
      imageIds: uploadedIds(images),
      ...(expiry ? { expiresAt: dayjs(expiry).endOf('day').toISOString() } : {}),
    }
    await run(
      async () => {
        if (id && existing) {
          const edit = editOf(existing, input, expiry)
          if (edit) await updateNotice(id, institutionId, edit)
        } else await publishNotice(institutionId, input)
        void Taro.showToast({ title: id ? t('notices.compose.saved') : t('notices.compose.published'), icon: 'success' })
        onDone()
      },
      (e) =>
        statusOf(e) === 409
          ? t('notices.compose.conflict')
          : describeActionError(e, { title: t('notices.compose.titleLabel'), body: t('notices.compose.bodyLabel') }),
    )
  }

  return (
    <View className='notice-compose'>
      <View className='section'>
        <Input
          className='field notice-compose__title'
          maxlength={80}
          placeholder={t('notices.compose.titlePlaceholder')}
          value={title}
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Textarea
          className='field notice-compose__body'
          maxlength={5000}
          placeholder={t('notices.compose.bodyPlaceholder')}
          value={body}
          onInput={(e) => setBody(e.detail.value)}
        />
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
        <Label className='notice-compose__line'>
          <Text>{t('notices.compose.pinned')}</Text>
          <Switch {...switchName(t('notices.compose.pinned'))} checked={pinned} onChange={(e) => setPinned(e.detail.value)} />
        </Label>
        <View className='notice-compose__line'>
          <Text>{t('notices.compose.expiry')}</Text>
          <Picker mode='date' value={expiry} start={dayjs().format('YYYY-MM-DD')} onChange={(e) => setExpiry(String(e.detail.value))}>
            <Text className='notice-compose__picker'>{expiry || t('notices.compose.expiryNone')}</Text>
          </Picker>
          {expiry ? (
            <View {...pressable('button')} className='notice-compose__clear' onClick={() => setExpiry('')}>
              {t('notices.compose.expiryClear')}
            </View>
          ) : null}
        </View>
      </View>
      <View className='section'>
        <Text className='section__title'>{t('notices.compose.images', { max: MAX_PHOTOS })}</Text>
        <PhotoGrid photos={images} max={MAX_PHOTOS} onAdd={() => void add()} onRetry={(localId) => void retry(localId)} onRemove={remove} />
      </View>
      <FormError className='notice-compose__error' message={error} />
      <View className='notice-compose__submit'>
        <Button className='btn btn--block' disabled={busy || undefined} onClick={() => void submit()}>
          {busy ? t('notices.compose.submitting') : id ? t('notices.compose.save') : t('notices.compose.submit')}
        </Button>
      </View>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ErrorView } from '../../../components/error-view'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { describeActionError } from '../../../services/http'
import { absoluteUrl } from '../../../services/upload'
import { formatDate } from '../../../utils/time'
import { useNoticesStore } from '../store'
import './notices.scss'

function ReportBox({ id }: { id: string }) {
  const reported = useNoticesStore((s) => Boolean(s.reported[id]))
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (reported) {
    return (
      <View className='notice-report'>
        <Text className='notice-report__done'>{t('notices.reported')}</Text>
      </View>
    )
  }
  if (!open) {
    return (
      <View className='notice-report'>
        <Button className='btn btn--plain btn--small' onClick={() => setOpen(true)}>
          {t('notices.report')}
        </Button>
      </View>
    )
  }
  const submit = async () => {
    const text = reason.trim()
    if (text.length < 2) {
      setError(t('notices.reportTooShort'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await useNoticesStore.getState().report(id, text)
      void Taro.showToast({ title: t('notices.reportDone'), icon: 'none' })
    } catch (e) {
      setError(describeActionError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='section notice-report notice-report--open'>
      <Text className='section__title'>{t('notices.reportTitle')}</Text>
      <Textarea className='field notice-report__reason' maxlength={500} placeholder={t('notices.reportPlaceholder')} value={reason} onInput={(e) => setReason(e.detail.value)} />
      {error ? (
        <View className='notice-report__error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button className='btn btn--small' disabled={busy || undefined} onClick={() => void submit()}>
        {t('notices.reportSubmit')}
      </Button>
    </View>
  )
}

/** One notice: opening it marks it read. The body is plain text (line breaks kept, links stay text). */
export function NoticeDetail({ id }: { id: string }) {
  const detail = useNoticesStore((s) => s.details[id])
  const openNotice = useNoticesStore((s) => s.openNotice)

  useEffect(() => {
    void openNotice(id)
  }, [id, openNotice])

  if (!detail || (detail.status === 'loading' && !detail.notice)) return <View className='notices__loading'>{t('common.loading')}</View>
  if (!detail.notice) return <ErrorView message={detail.message ?? ''} onRetry={() => void openNotice(id)} />
  const notice = detail.notice
  const urls = notice.images.map((image) => absoluteUrl(image.url))
  return (
    <View className='notice-detail'>
      <View className='section'>
        <View className='notice-row__head'>
          {notice.pinned ? <Text className='notice-row__pinned'>{t('notices.pinned')}</Text> : null}
          <Tag tone={notice.category === 'inspection' ? 'orange' : 'blue'}>{t(`notices.category.${notice.category}`)}</Tag>
        </View>
        <Text className='notice-detail__title'>{notice.title}</Text>
        <Text className='notice-detail__meta'>{t('notices.by', { name: notice.authorName, date: formatDate(notice.postedAt) })}</Text>
        {notice.expiresAt ? <Text className='notice-detail__meta'>{t('notices.expiresOn', { date: formatDate(notice.expiresAt) })}</Text> : null}
        <Text className='notice-detail__body' style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} userSelect>
          {notice.body}
        </Text>
        {urls.length ? (
          <View className='notice-detail__images'>
            {urls.map((url) => (
              <Image key={url} className='notice-detail__image' src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ current: url, urls }).catch(() => undefined)} />
            ))}
          </View>
        ) : null}
      </View>
      <ReportBox id={notice.id} />
    </View>
  )
}

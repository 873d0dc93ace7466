import Taro from '@tarojs/taro'
import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { ErrorView } from '../../../components/error-view'
import { FormError } from '../../../components/form-error'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { describeError } from '../../../services/http'
import { absoluteUrl } from '../../../services/upload'
import { formatDate } from '../../../utils/time'
import { useQuery } from '../../../services/server-data'
import { noticeDetail, reportNotice } from '../queries'
import { useReportedNotices } from '../store'
import './notices.scss'
import { imageAlt } from '../../../components/a11y'

function ReportBox({ id }: { id: string }) {
  const reported = useReportedNotices((s) => Boolean(s.reported[id]))
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const { run, busy, error, setError } = useAction()

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
    await run(async () => {
      await reportNotice(id, text)
      void Taro.showToast({ title: t('notices.reportDone'), icon: 'none' })
    })
  }
  return (
    <View className='section notice-report notice-report--open'>
      <Text className='section__title'>{t('notices.reportTitle')}</Text>
      <Textarea
        className='field notice-report__reason'
        maxlength={500}
        placeholder={t('notices.reportPlaceholder')}
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      <FormError className='notice-report__error' message={error} />
      <Button className='btn btn--small' disabled={busy || undefined} onClick={() => void submit()}>
        {t('notices.reportSubmit')}
      </Button>
    </View>
  )
}

/** One notice: opening it marks it read. The body is plain text (line breaks kept, links stay text). */
export function NoticeDetail({ id }: { id: string }) {
  // Shown to a signed-in parent only; fetching it marks it read.
  const { status, data: notice, error, refetch } = useQuery(noticeDetail(id))

  if (status === 'error' && !notice) return <ErrorView message={describeError(error)} onRetry={() => void refetch()} />
  if (!notice) return <View className='notices__loading'>{t('common.loading')}</View>
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
            {urls.map((url, index) => (
              <Image
                {...imageAlt(t('photos.nth', { n: index + 1 }))}
                key={url}
                className='notice-detail__image'
                src={url}
                mode='aspectFill'
                onClick={() => void Taro.previewImage({ current: url, urls }).catch(() => undefined)}
              />
            ))}
          </View>
        ) : null}
      </View>
      <ReportBox id={notice.id} />
    </View>
  )
}

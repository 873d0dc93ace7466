import Taro from '@tarojs/taro'
import { Button, Text } from '@tarojs/components'
import { useState } from 'react'
import { BottomSheet } from '../../../components/bottom-sheet'
import { ListRow } from '../../../components/list-row'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { isWeapp } from '../../../utils/platform'
import { exportMyData, type ExportFile } from '../api'
import './me.scss'

function download(file: ExportFile): void {
  if (!file.blob) return
  const url = URL.createObjectURL(file.blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = file.fileName
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * 导出我的数据. In a browser the JSON file downloads. A mini-program cannot save a JSON file for the user,
 * so it says so and offers to copy the JSON instead.
 */
export function ExportData() {
  const { run, busy } = useAction({ report: 'toast' })
  const [copyable, setCopyable] = useState<ExportFile | null>(null)

  const start = () =>
    run(
      async () => {
        const file = await exportMyData()
        if (isWeapp()) {
          setCopyable(file)
        } else {
          download(file)
          void Taro.showToast({ title: t('exportData.downloaded', { file: file.fileName }), icon: 'none' })
        }
      },
      () => t('exportData.failed'),
    )

  const copy = async () => {
    if (!copyable) return
    try {
      await Taro.setClipboardData({ data: copyable.text })
    } catch {
      // Refused (privacy) or failed: the data stays on screen to try again.
      void Taro.showToast({ title: t('errors.actionFailed'), icon: 'none' })
      return
    }
    setCopyable(null)
    void Taro.showToast({ title: t('exportData.copied'), icon: 'none' })
  }

  return (
    <>
      <ListRow title={t('me.exportData')} extra={busy ? t('exportData.exporting') : undefined} onClick={() => void start()} />
      <BottomSheet
        open={copyable !== null}
        title={t('exportData.doneTitle')}
        onClose={() => setCopyable(null)}
        footer={
          <Button className='btn btn--block' onClick={() => void copy()}>
            {t('exportData.copy')}
          </Button>
        }
      >
        <Text className='export__body'>{t('exportData.doneBody')}</Text>
      </BottomSheet>
    </>
  )
}

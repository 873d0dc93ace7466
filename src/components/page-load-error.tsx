import { View } from '@tarojs/components'
import { t } from '../i18n'
import { usePageLoadStore } from '../services/page-load'
import { openAppPath } from '../utils/routes'
import { ErrorView } from './error-view'
import './page-load-error.scss'

/** Covers the page area (not the tab bar) when a page's script could not be loaded; 重试 asks for the same page again. */
export function PageLoadError() {
  const failedUrl = usePageLoadStore((s) => s.failedUrl)
  if (!failedUrl) return null
  const retry = () => {
    usePageLoadStore.setState({ failedUrl: null })
    openAppPath(failedUrl)
  }
  return (
    <View className='page-load-error'>
      <ErrorView title={t('errors.pageLoad')} message={t('errors.network')} onRetry={retry} />
    </View>
  )
}

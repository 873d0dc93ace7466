import { Text, View } from '@tarojs/components'
import { t } from '../i18n'
import { describeError } from '../services/http'
import type { PagedListResult } from '../services/server-data'
import { pressable } from './a11y'
import './ui.scss'

type Props = {
  list: Pick<PagedListResult<unknown, unknown>, 'moreError' | 'hasMore' | 'loadingMore' | 'retry'>
  /** The feature's class block: styled through `<block>__footer`, `<block>__footer-link` and `<block>__end`. */
  block: string
  loadingText: string
  /** Said once every page is loaded (with the count). */
  endText: string
}

/** Under a paged list: why the next page failed with 重试, else loading more, else the end with the count. */
export function ListFooter({ list, block, loadingText, endText }: Props) {
  if (list.moreError) {
    return (
      <View className={`${block}__footer`}>
        <Text>{describeError(list.moreError)}</Text>
        <View className={`${block}__footer-link list-footer__retry`} {...pressable('button')} onClick={() => void list.retry()}>
          {t('common.retry')}
        </View>
      </View>
    )
  }
  if (list.hasMore || list.loadingMore) return <View className={`${block}__footer`}>{loadingText}</View>
  return <View className={`${block}__footer ${block}__end`}>{endText}</View>
}

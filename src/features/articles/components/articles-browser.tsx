import { useReachBottom } from '@tarojs/taro'
import { Input, ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Chip } from '../../../components/chip'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { ARTICLE_KIND_ORDER } from '../constants'
import { useArticlesStore } from '../store'
import { ArticleRow } from './article-row'
import './articles.scss'

/** Typing pauses this long before the search goes out; 搜索 on the keyboard sends it at once. */
export const SEARCH_DEBOUNCE_MS = 400

function Filters() {
  const filters = useArticlesStore((s) => s.filters)
  const tags = useArticlesStore((s) => s.tags)
  const setFilters = useArticlesStore((s) => s.setFilters)
  return (
    <>
      {tags.length ? (
        <ScrollView className='articles__chips' scrollX enableFlex aria-label={t('articles.tags')}>
          <View className='articles__chips-row'>
            <Chip selected={filters.tag === null} onClick={() => void setFilters({ tag: null })}>
              {t('articles.allTags')}
            </Chip>
            {tags.map(({ tag }) => (
              <Chip key={tag} selected={filters.tag === tag} onClick={() => void setFilters({ tag: filters.tag === tag ? null : tag })}>
                {tag}
              </Chip>
            ))}
          </View>
        </ScrollView>
      ) : null}
      <View className='articles__kinds'>
        <Text className={`articles__kind ${filters.kind === null ? 'articles__kind--active' : ''}`} onClick={() => void setFilters({ kind: null })}>
          {t('articles.allKinds')}
        </Text>
        {ARTICLE_KIND_ORDER.map((kind) => (
          <Text key={kind} className={`articles__kind ${filters.kind === kind ? 'articles__kind--active' : ''}`} onClick={() => void setFilters({ kind })}>
            {t(`articles.kind.${kind}`)}
          </Text>
        ))}
      </View>
    </>
  )
}

function Footer() {
  const list = useArticlesStore((s) => s.list)
  const loadMore = useArticlesStore((s) => s.loadMore)
  if (list.moreError) {
    return (
      <View className='articles__footer'>
        <Text>{list.moreError}</Text>
        <Text className='articles__footer-link' onClick={() => void loadMore()}>
          {t('common.retry')}
        </Text>
      </View>
    )
  }
  if (list.hasMore || list.loadingMore) return <View className='articles__footer'>{t('articles.loadingMore')}</View>
  return <View className='articles__footer'>{t('articles.end', { total: list.total })}</View>
}

/** 政策与指南: search (debounced), tag and kind chips, and the list, loading more at the bottom of the page. */
export function ArticlesBrowser({ onOpen }: { onOpen: (id: string) => void }) {
  const list = useArticlesStore((s) => s.list)
  const filters = useArticlesStore((s) => s.filters)
  const { start, setFilters, clearFilters, loadMore } = useArticlesStore.getState()
  const [text, setText] = useState(filters.q)

  useEffect(() => {
    void start()
  }, [start])

  useEffect(() => {
    if (text.trim() === filters.q.trim()) return undefined
    const timer = setTimeout(() => void setFilters({ q: text.trim() }), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, filters.q, setFilters])

  useReachBottom(() => {
    void loadMore()
  })

  const searchNow = () => {
    if (text.trim() !== filters.q.trim()) void setFilters({ q: text.trim() })
  }
  const clearAll = () => {
    setText('')
    void clearFilters()
  }
  const filtered = Boolean(filters.q || filters.tag || filters.kind)

  return (
    <View className='articles'>
      <View className='articles__top'>
        <View className='articles__search'>
          <Text className='articles__search-icon'>⌕</Text>
          <Input
            className='articles__search-input'
            type='text'
            confirmType='search'
            value={text}
            maxlength={50}
            placeholder={t('articles.searchPlaceholder')}
            aria-label={t('articles.searchPlaceholder')}
            onInput={(event) => setText(event.detail.value)}
            onConfirm={searchNow}
          />
          {text ? (
            <View className='articles__search-clear' role='button' aria-label={t('articles.clear')} onClick={() => setText('')}>
              ✕
            </View>
          ) : null}
        </View>
        <Filters />
      </View>

      {list.status === 'loading' || list.status === 'idle' ? <View className='articles__loading'>{t('common.loading')}</View> : null}
      {list.status === 'error' ? <ErrorView title={t('articles.loadFailed')} message={list.message ?? ''} onRetry={() => void setFilters({})} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          title={filters.q ? t('articles.notFoundTitle', { q: filters.q }) : t('articles.emptyTitle')}
          hint={filtered ? t('articles.notFoundHint') : undefined}
          actionText={filtered ? t('articles.clearSearch') : undefined}
          onAction={filtered ? clearAll : undefined}
        />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='articles__list'>
          <WindowedList items={list.items} itemKey={(article) => article.id} renderItem={(article) => <ArticleRow article={article} onOpen={onOpen} />} />
          <Footer />
        </View>
      ) : null}
    </View>
  )
}

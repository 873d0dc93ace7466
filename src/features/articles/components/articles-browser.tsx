import { Input, ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Chip } from '../../../components/chip'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { ListFooter } from '../../../components/list-footer'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { usePagedListPageEvents } from '../../../services/page-events'
import { useQuery, usePagedList } from '../../../services/server-data'
import { ARTICLE_KIND_ORDER } from '../constants'
import { articleList, articleTags } from '../queries'
import { useArticlesStore } from '../store'
import { ArticleRow } from './article-row'
import { pressable, scrollRegion } from '../../../components/a11y'
import './articles.scss'

/** Typing pauses this long before the search goes out; 搜索 on the keyboard sends it at once. */
export const SEARCH_DEBOUNCE_MS = 400

function Filters() {
  const filters = useArticlesStore((s) => s.filters)
  const setFilters = useArticlesStore((s) => s.setFilters)
  const tags = useQuery(articleTags).data ?? []
  return (
    <>
      {tags.length ? (
        <ScrollView className='articles__chips' scrollX enableFlex {...scrollRegion(t('articles.tags'))}>
          <View className='articles__chips-row'>
            <Chip selected={filters.tag === null} onClick={() => setFilters({ tag: null })}>
              {t('articles.allTags')}
            </Chip>
            {tags.map(({ tag }) => (
              <Chip key={tag} selected={filters.tag === tag} onClick={() => setFilters({ tag: filters.tag === tag ? null : tag })}>
                {tag}
              </Chip>
            ))}
          </View>
        </ScrollView>
      ) : null}
      <View className='articles__kinds'>
        <View
          {...pressable('button')}
          className={`articles__kind ${filters.kind === null ? 'articles__kind--active' : ''}`}
          onClick={() => setFilters({ kind: null })}
        >
          {t('articles.allKinds')}
        </View>
        {ARTICLE_KIND_ORDER.map((kind) => (
          <View
            {...pressable('button')}
            key={kind}
            className={`articles__kind ${filters.kind === kind ? 'articles__kind--active' : ''}`}
            onClick={() => setFilters({ kind })}
          >
            {t(`articles.kind.${kind}`)}
          </View>
        ))}
      </View>
    </>
  )
}

/** 政策与指南: search (debounced), tag and kind chips, and the list, loading more at the bottom of the page. */
export function ArticlesBrowser({ onOpen }: { onOpen: (id: string) => void }) {
  const filters = useArticlesStore((s) => s.filters)
  const { setFilters, clearFilters } = useArticlesStore.getState()
  const list = usePagedList(articleList(filters))
  const [text, setText] = useState(filters.q)

  useEffect(() => {
    if (text.trim() === filters.q.trim()) return undefined
    const timer = setTimeout(() => setFilters({ q: text.trim() }), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, filters.q, setFilters])

  usePagedListPageEvents(list)

  const searchNow = () => {
    if (text.trim() !== filters.q.trim()) setFilters({ q: text.trim() })
  }
  const clearAll = () => {
    setText('')
    clearFilters()
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
            <View className='articles__search-clear' {...pressable('button')} aria-label={t('articles.clear')} onClick={() => setText('')}>
              ✕
            </View>
          ) : null}
        </View>
        <Filters />
      </View>

      {list.status === 'loading' || list.status === 'idle' ? <View className='articles__loading'>{t('common.loading')}</View> : null}
      {list.status === 'error' ? <ErrorView title={t('articles.loadFailed')} message={describeError(list.error)} onRetry={() => void list.retry()} /> : null}
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
          <ListFooter
            list={list}
            block='articles'
            loadingText={t('articles.loadingMore')}
            endText={t('articles.end', { total: list.lastPage?.total ?? list.items.length })}
          />
        </View>
      ) : null}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { RegionFigures, Stats } from '../../../../types/stats'
import { ErrorView } from '../../../components/error-view'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { formatDate } from '../../../utils/time'
import { formatCount, formatShare } from '../format'
import { describeError } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { statsQuery } from '../queries'
import { figuresOf, useStatsStore } from '../store'
import { BarChart } from './bar-chart'
import { DonutChart } from './donut-chart'
import { RegionChips } from './region-chips'
import './stats.scss'

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <View className='stats__tile'>
      <Text className='stats__tile-value'>{value}</Text>
      <Text className='stats__tile-label'>{label}</Text>
      {note ? <Text className='stats__tile-note'>{note}</Text> : null}
    </View>
  )
}

function Figures({ figures, stats }: { figures: RegionFigures; stats: Stats }) {
  const percent = formatShare(figures.inclusiveShare)
  return (
    <View className='stats__figures' data-testid='stats-figures'>
      <View className='stats__tiles'>
        <Tile label={t('stats.institutions')} value={t('stats.institutionsValue', { count: formatCount(figures.institutions) })} />
        <Tile label={t('stats.places')} value={t('stats.placesValue', { count: formatCount(figures.places) })} />
        <Tile
          label={t('stats.per1000')}
          value={figures.placesPer1000 === null ? t('stats.per1000Unknown') : t('stats.per1000Value', { value: figures.placesPer1000.toFixed(1) })}
          note={figures.placesPer1000 === null ? undefined : t('stats.per1000Note', { year: stats.populationYear })}
        />
        <Tile label={t('stats.demonstration')} value={t('stats.institutionsValue', { count: formatCount(figures.demonstration) })} />
      </View>

      <Text className='stats__subtitle'>{t('stats.inclusive')}</Text>
      <DonutChart
        share={figures.inclusiveShare}
        centre={percent}
        label={t('stats.inclusiveChart', { percent })}
        legend={t('stats.inclusiveLegend', { inclusive: formatCount(figures.inclusivePlaces), places: formatCount(figures.places), percent })}
      />

      <Text className='stats__subtitle'>{t('stats.grades')}</Text>
      <BarChart
        label={t('stats.grades')}
        bars={figures.grades.map((g) => ({ key: g.level ?? 'none', label: g.label, value: g.count, muted: g.level === null }))}
        describe={(bar, share) => t('stats.gradeBar', { count: formatCount(bar.value), percent: formatShare(share) })}
      />

      <Text className='stats__subtitle'>{t('stats.complaints')}</Text>
      <View className='stats__tiles stats__tiles--three'>
        <Tile label={t('stats.complaintsReceived')} value={t('stats.complaintsValue', { count: formatCount(figures.complaintsReceived) })} />
        <Tile label={t('stats.complaintsClosed')} value={t('stats.complaintsValue', { count: formatCount(figures.complaintsClosed) })} />
        <Tile label={t('stats.complaintsOnTime')} value={t('stats.complaintsValue', { count: formatCount(figures.complaintsClosedOnTime) })} />
      </View>
      <Text className='stats__note'>{t('stats.complaintsSince', { date: formatDate(stats.complaintsSince) })}</Text>
    </View>
  )
}

/** 数据概览: the figures of the chosen region (全省 or a 市州), all from one GET /api/stats. */
export function StatsOverview() {
  const { status, data: stats, error, refetch } = useQuery(statsQuery)
  const figures = figuresOf(
    stats,
    useStatsStore((s) => s.regionCode),
  )

  return (
    <Section title={t('stats.title')} className='stats' extra={stats ? t('stats.asOf', { date: formatDate(stats.asOf) }) : undefined}>
      {status === 'error' && !stats ? <ErrorView title={t('stats.loadFailed')} message={describeError(error)} onRetry={() => void refetch()} /> : null}
      {!stats && status !== 'error' ? <View className='stats__loading'>{t('common.loading')}</View> : null}
      {stats && figures ? (
        <>
          <RegionChips />
          <Figures figures={figures} stats={stats} />
          <Text className='stats__note'>{t('stats.source', { source: stats.populationSource, year: stats.populationYear })}</Text>
        </>
      ) : null}
    </Section>
  )
}

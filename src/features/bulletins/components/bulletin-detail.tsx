import { Text, View } from '@tarojs/components'
import type { Bulletin, BulletinEntry, GradeChange } from '../../../../types/bulletins'
import { ErrorView } from '../../../components/error-view'
import { Tag, type TagTone } from '../../../components/tag'
import { t } from '../../../i18n'
import { routes } from '../../../utils/routes'
import { useSharePage } from '../../../utils/share'
import { formatDate } from '../../../utils/time'
import { describeError, statusOf } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { bulletinDetail } from '../queries'
import { pressable } from '../../../components/a11y'
import './bulletins.scss'

const CHANGE_TONE: Record<GradeChange, TagTone> = { up: 'green', down: 'red', new: 'blue', same: 'gray' }

type Group = { level: string; label: string; entries: BulletinEntry[] }

/** Entries come best level first (the contract's order): one group per level, in that order. */
export function groupByLevel(entries: BulletinEntry[]): Group[] {
  const groups: Group[] = []
  for (const entry of entries) {
    const group = groups.find((g) => g.level === entry.level)
    if (group) group.entries.push(entry)
    else groups.push({ level: entry.level, label: entry.levelLabel, entries: [entry] })
  }
  return groups
}

function EntryRow({ entry, onOpenInstitution }: { entry: BulletinEntry; onOpenInstitution: (id: string) => void }) {
  return (
    <View className='bulletin-entry' {...pressable('link')} data-testid='bulletin-entry' onClick={() => onOpenInstitution(entry.institutionId)}>
      <View className='bulletin-entry__main'>
        <Text className='bulletin-entry__name'>{entry.institutionName}</Text>
        <Text className='bulletin-entry__meta'>
          {entry.cityName} · {entry.districtName} · {t('bulletins.score', { score: entry.score })}
        </Text>
        <Text className='bulletin-entry__meta'>{t('bulletins.validUntil', { date: formatDate(entry.validUntil) })}</Text>
      </View>
      <View className='bulletin-entry__change'>
        <Tag tone={CHANGE_TONE[entry.change]}>{t(`bulletins.change.${entry.change}`)}</Tag>
        {entry.previousLevelLabel ? <Text className='bulletin-entry__previous'>{t('bulletins.previous', { label: entry.previousLevelLabel })}</Text> : null}
      </View>
      <Text className='bulletin-entry__arrow'>›</Text>
    </View>
  )
}

function BulletinView({ bulletin, onOpenInstitution }: { bulletin: Bulletin; onOpenInstitution: (id: string) => void }) {
  return (
    <View className='bulletin'>
      <View className='bulletin__header'>
        <View className='bulletin__title' role='heading' aria-level={1}>
          {bulletin.title}
        </View>
        <View className='bulletin__tags'>
          <Tag tone='blue'>{bulletin.cityName ?? t('bulletins.province')}</Tag>
          <Tag>{bulletin.round}</Tag>
        </View>
        <Text className='bulletin__meta'>
          {bulletin.department} · {t('bulletins.publishedOn', { date: formatDate(bulletin.publishedOn) })}
        </Text>
        {bulletin.intro ? <Text className='bulletin__intro'>{bulletin.intro}</Text> : null}
        <Text className='bulletin__hint'>
          {t('bulletins.institutions', { count: bulletin.institutionCount })} · {t('bulletins.entriesHint')}
        </Text>
      </View>
      {groupByLevel(bulletin.entries).map((group) => (
        <View key={group.level} className='bulletin__group' data-testid='bulletin-group'>
          <Text className='bulletin__group-title'>{t('bulletins.levelGroup', { label: group.label, count: group.entries.length })}</Text>
          {group.entries.map((entry) => (
            <EntryRow key={entry.institutionId} entry={entry} onOpenInstitution={onOpenInstitution} />
          ))}
        </View>
      ))}
    </View>
  )
}

/** One evaluation round: its facts and every institution with its new level, the previous one and the change. */
export function BulletinDetail({ id, onOpenInstitution }: { id: string; onOpenInstitution: (id: string) => void }) {
  const { status, data: bulletin, error, refetch } = useQuery(bulletinDetail(id))
  useSharePage({ title: bulletin?.title ?? t('bulletins.title'), path: routes.bulletin(id) })

  if (bulletin) return <BulletinView bulletin={bulletin} onOpenInstitution={onOpenInstitution} />
  if (status === 'error') {
    const message = statusOf(error) === 404 ? t('bulletins.notFound') : describeError(error)
    return <ErrorView title={t('bulletins.loadFailed')} message={message} onRetry={() => void refetch()} />
  }
  return <View className='bulletins__loading'>{t('common.loading')}</View>
}

import type { Bulletin, BulletinEntry, BulletinSummary, GradeChange } from '../../../types/bulletins'
import type { BulletinRow, EntryRow } from './repository'

/** Names in pinyin order, as a Chinese reader expects a list to run. */
const byName = new Intl.Collator('zh-CN')

export function changeOf(rank: number, previousRank: number | null): GradeChange {
  if (previousRank === null) return 'new'
  return rank > previousRank ? 'up' : rank < previousRank ? 'down' : 'same'
}

export function presentSummary(row: BulletinRow): BulletinSummary {
  return {
    id: row.id,
    round: row.round,
    title: row.title,
    department: row.department,
    cityCode: row.cityCode,
    cityName: row.cityName,
    publishedOn: row.publishedOn,
    institutionCount: row.institutionCount,
  }
}

function presentEntry(row: EntryRow): BulletinEntry {
  return {
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    cityName: row.cityName,
    districtName: row.districtName,
    level: row.level,
    levelLabel: row.levelLabel,
    score: row.score,
    evaluatedOn: row.evaluatedOn,
    validUntil: row.validUntil,
    previousLevel: row.previousLevel,
    previousLevelLabel: row.previousLevelLabel,
    change: changeOf(row.rank, row.previousRank),
  }
}

/** Entries best level first, then by name. */
export function presentBulletin(row: BulletinRow, entries: EntryRow[]): Bulletin {
  const ordered = [...entries].sort(
    (a, b) => b.rank - a.rank || byName.compare(a.institutionName, b.institutionName) || a.institutionId.localeCompare(b.institutionId),
  )
  return { ...presentSummary(row), intro: row.intro, createdAt: row.createdAt, entries: ordered.map(presentEntry) }
}

import dayjs from 'dayjs'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { chinaToday } from '../../shared/china-time'
import { demoRounds, insertBulletinUnlessPublished } from './repository'

/** Results are published about a week after a round's last evaluation. */
const DAYS_TO_PUBLISH = 7

/** A week after the round's last evaluation, and never after today. */
export function demoPublicationDay(lastEvaluatedOn: string, today: string): string {
  const due = dayjs(lastEvaluatedOn).add(DAYS_TO_PUBLISH, 'day').format('YYYY-MM-DD')
  return due < today ? due : today
}

/**
 * A province-wide bulletin per round of the demo institutions, once: a round that already has one is left alone, so
 * this runs on every start. Rounds of real (non-demo) institutions are never published here. Returns how many it added.
 */
export async function seedDemoBulletins(db: Kysely<Database>, today = chinaToday()): Promise<number> {
  let added = 0
  for (const { round, lastEvaluatedOn } of await demoRounds(db)) {
    const id = await insertBulletinUnlessPublished(db, {
      round,
      title: `吉林省托育机构等级评价结果公示（${round}）`,
      department: '吉林省卫生健康委员会',
      cityCode: null,
      publishedOn: demoPublicationDay(lastEvaluatedOn, today),
      intro: `依据《托育机构质量评估标准》（WS/T 821-2023），现将${round}托育机构等级评价结果予以公示。【演示数据】名单中的机构均为虚构，仅供演示。`,
      createdBy: null,
    })
    if (id) added += 1
  }
  return added
}

import type { Kysely } from 'kysely'
import type { Bulletin, BulletinInput, BulletinList, BulletinQuery } from '../../../types/bulletins'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { forbidden, regulatesCity, type Actor } from '../../shared/auth'
import { chinaToday } from '../../shared/china-time'
import { badRequest, conflict, notFound } from '../../shared/http-errors'
import { checkedText } from '../../shared/checked-text'
import { checkedCity } from '../../shared/city-codes'
import { presentBulletin, presentSummary } from './present'
import { findBulletin, findEntries, insertBulletinUnlessPublished, listBulletins, roundInScope } from './repository'

/** 等级评价公示: rounds of evaluations published by regulators (policy §10). `cityCodes`: every 市州. */

/** Newest first; with a 市州, its bulletins and the province-wide ones. */
export async function bulletinList(db: Kysely<Database>, query: BulletinQuery, cityCodes: Set<string>): Promise<BulletinList> {
  const pageSize = query.pageSize ?? 20
  const page = query.page ?? 1
  const list = await listBulletins(db, { cityCode: checkedCity(query.cityCode, cityCodes), limit: pageSize, offset: (page - 1) * pageSize })
  return { items: list.rows.map(presentSummary), total: list.total, hasMore: list.hasMore }
}

/** Every institution of the round with its new and previous level. */
export async function bulletinById(db: Kysely<Database>, id: string): Promise<Bulletin> {
  const row = await findBulletin(db, id)
  if (!row) throw notFound(`未找到公示 ${id} (bulletin not found)`)
  return presentBulletin(row, await findEntries(db, row.round, row.cityCode))
}

/** Publishes a round already imported with the registry: province-wide (province regulators) or for a 市州. */
export async function publishBulletin(db: Kysely<Database>, regulator: Actor, input: BulletinInput, cityCodes: Set<string>): Promise<Bulletin> {
  const cityCode = checkedCity(input.cityCode, cityCodes)
  const mayPublish = cityCode
    ? regulatesCity(regulator.grants, cityCode)
    : regulator.grants.some((g) => g.role === 'regulator' && g.regionCode === PROVINCE_CODE)
  if (!mayPublish)
    throw forbidden(
      cityCode
        ? '不能为其他市州发布公示 (outside the 市州 you regulate)'
        : '只有省级监管部门可以发布全省公示 (province-wide bulletins need a province regulator)',
    )

  const round = checkedText('round', input.round, 2)
  const title = checkedText('title', input.title, 2)
  const department = checkedText('department', input.department, 2)
  const intro = checkedText('intro', input.intro ?? '', 0)
  if (input.publishedOn > chinaToday()) throw badRequest('publishedOn', '公示日期不能晚于今天 (publishedOn cannot be in the future)')

  const scope = await roundInScope(db, round, cityCode)
  if (!scope.lastEvaluatedOn)
    throw badRequest('round', `${round}在${cityCode ? '该市州' : '全省'}没有评价结果，请先导入评价数据 (no evaluations of this round in scope)`)
  if (input.publishedOn < scope.lastEvaluatedOn) {
    throw badRequest('publishedOn', `公示日期不能早于该批次最后评价日期 ${scope.lastEvaluatedOn} (before the round's last evaluation)`)
  }

  const id = await insertBulletinUnlessPublished(db, { round, title, department, cityCode, publishedOn: input.publishedOn, intro, createdBy: regulator.userId })
  if (!id) throw conflict(`${round}在${cityCode ? '该市州' : '全省'}已经发布过公示 (this round is already published for that scope)`, 'round')
  return bulletinById(db, id)
}

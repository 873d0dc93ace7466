import type { Kysely, Transaction } from 'kysely'
import type { CommitteeNotice } from '../../../types/notices'
import type { Database } from '../../db/schema'
import { conflict, notFound } from '../../shared/http-errors'
import { imagesOf } from './image-repository'
import { findCommitteeNotice, lockNotice, saveVersion, updateNotice, type NoticeChanges, type NoticeRow } from './notice-repository'
import { presentCommitteeNotice } from './present'

export const noSuchNotice = () => notFound('公告不存在 (notice not found)')

/** Edits, withdrawals and takedowns only apply to a notice still published (or expired). */
export function assertStillUp(notice: NoticeRow): void {
  if (notice.takenDownAt) throw conflict('该公告已被监管部门下架 (the notice has been taken down)')
  if (notice.withdrawnAt) throw conflict('该公告已撤回 (the notice has been withdrawn)')
}

/**
 * Locks the notice, lets `check` refuse the change, keeps the current content as a version and applies `change`
 * as the next one: concurrent changes queue on the lock, so no version is lost or written twice.
 */
export async function changeNotice(
  db: Kysely<Database>,
  id: string,
  check: (notice: NoticeRow) => void,
  change: (trx: Transaction<Database>, notice: NoticeRow) => Promise<NoticeChanges>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const notice = await lockNotice(trx, id)
    if (!notice) throw noSuchNotice()
    check(notice)
    const changes = await change(trx, notice)
    await saveVersion(trx, notice)
    await updateNotice(trx, notice, changes)
  })
}

/** The notice as its committee sees it. */
export async function committeeView(db: Kysely<Database>, id: string, userId: string, jwtSecret: string): Promise<CommitteeNotice> {
  const row = await findCommitteeNotice(db, id, userId)
  if (!row) throw noSuchNotice()
  return presentCommitteeNotice(row, await imagesOf(db, [id]), jwtSecret)
}

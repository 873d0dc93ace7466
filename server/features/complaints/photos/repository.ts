import { sql, type Insertable, type Kysely } from 'kysely'
import type { ComplaintPhotosTable, Database } from '../../../db/schema'

export async function insertPhoto(
  db: Kysely<Database>,
  photo: Required<Pick<Insertable<ComplaintPhotosTable>, 'id' | 'storageKey' | 'contentType' | 'bytes'>>,
) {
  await db.insertInto('complaintPhotos').values(photo).execute()
}

/** Only a photo that belongs to a complaint or an addition is ever served. */
export async function findAttachedPhoto(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('complaintPhotos')
    .select(['storageKey', 'contentType', 'bytes'])
    .where('id', '=', id)
    .where((eb) => eb.or([eb('complaintId', 'is not', null), eb('additionId', 'is not', null)]))
    .executeTakeFirst()
}

/**
 * Deletes the rows of photos never attached within `olderThanHours` and returns their storage keys. In one statement,
 * so a complaint attaching the photo at the same moment either wins (the row no longer matches) or finds it gone.
 */
export async function deleteOrphanPhotoRows(db: Kysely<Database>, olderThanHours: number, limit: number): Promise<string[]> {
  const rows = await db
    .deleteFrom('complaintPhotos')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('complaintPhotos')
        .select('id')
        .where('complaintId', 'is', null)
        .where('additionId', 'is', null)
        .where('uploadedAt', '<', sql<string>`now() - make_interval(hours => ${olderThanHours})`)
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning('storageKey')
    .execute()
  return rows.map((row) => row.storageKey)
}

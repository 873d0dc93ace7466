import type { FastifyInstance } from 'fastify'
import type { RecurringJob } from '../../../shared/jobs/recurring'
import { deleteOrphanPhotoRows } from './repository'

export const ORPHAN_AFTER_HOURS = 24
const BATCH = 100

/**
 * Removes photos uploaded but never attached to a complaint (an abandoned draft) after a day. Rows go first, then
 * the files: a file whose deletion fails is merely unreachable, never a row pointing at nothing. Returns how many.
 */
export async function deleteOrphanPhotos(app: FastifyInstance, olderThanHours = ORPHAN_AFTER_HOURS): Promise<number> {
  let deleted = 0
  for (;;) {
    const keys = await deleteOrphanPhotoRows(app.database.db, olderThanHours, BATCH)
    for (const key of keys) {
      await app.settings.complaints.photoStorage.delete(key).catch((error: unknown) => {
        app.log.warn({ err: error, key }, 'could not delete an orphan photo file')
      })
    }
    deleted += keys.length
    if (keys.length < BATCH) return deleted
  }
}

/** Hourly, on one instance: with photos in a shared bucket (S3), one clean-up is enough for all. */
export function orphanPhotoCleanup(app: FastifyInstance): RecurringJob {
  return {
    kind: 'complaints.delete-orphan-photos',
    everyMs: 60 * 60 * 1000,
    run: async () => {
      const count = await deleteOrphanPhotos(app)
      if (count) app.log.info({ count }, 'deleted orphan complaint photos')
    },
  }
}

import type { FastifyInstance } from 'fastify'
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

/** Runs deleteOrphanPhotos every `intervalMs` (hourly by default) until stopped. */
export function startOrphanPhotoCleanup(app: FastifyInstance, options: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000
  let running: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    running = running.then(() => deleteOrphanPhotos(app)).then((count) => {
      if (count) app.log.info({ count }, 'deleted orphan complaint photos')
    }, (error: unknown) => {
      app.log.error({ err: error }, 'orphan photo cleanup failed')
    })
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}

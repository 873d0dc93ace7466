import type { FastifyInstance } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import type { MeExport } from '../../types/me'
import type { Database } from '../db/schema'

type HeldElsewhere = 'classSignUps' | 'guidanceRequests'

/**
 * Personal data a feature holds about a user. The feature registers it; the account feature (GET /me/export,
 * DELETE /me) walks the registry, so features do not import each other and nothing a feature holds is forgotten.
 */
export interface PersonalDataSection<K extends HeldElsewhere = HeldElsewhere> {
  key: K
  export(db: Kysely<Database>, userId: string): Promise<MeExport[K]>
  /** Runs inside the account-deletion transaction, before the user row goes (ON DELETE CASCADE is only a backstop). */
  erase?(trx: Transaction<Database>, userId: string): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    personalData: PersonalDataSection[]
  }
}

export function registerPersonalData(app: FastifyInstance): void {
  app.decorate('personalData', [])
}

export function holdsPersonalData<K extends HeldElsewhere>(app: FastifyInstance, section: PersonalDataSection<K>): void {
  app.personalData.push(section as unknown as PersonalDataSection)
}

export async function exportPersonalData(app: FastifyInstance, userId: string): Promise<Pick<MeExport, HeldElsewhere>> {
  const entries = await Promise.all(app.personalData.map(async (s) => [s.key, await s.export(app.database.db, userId)] as const))
  return Object.fromEntries(entries) as Pick<MeExport, HeldElsewhere>
}

export async function erasePersonalData(app: FastifyInstance, trx: Transaction<Database>, userId: string): Promise<void> {
  for (const section of app.personalData) await section.erase?.(trx, userId)
}

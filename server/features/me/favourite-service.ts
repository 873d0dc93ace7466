import type { Kysely } from 'kysely'
import type { FavouriteIds } from '../../../types/me'
import type { Database } from '../../db/schema'
import { conflict, notFound } from '../../shared/http-errors'
import { addFavourites, countFavourites, existingInstitutionIds, institutionExists, isFavourite, listFavourites, removeFavourite } from './favourite-repository'

export const MAX_FAVOURITES = 200

/** Newest first. */
export async function favouriteIds(db: Kysely<Database>, userId: string): Promise<FavouriteIds> {
  return { institutionIds: (await listFavourites(db, userId)).map((f) => f.institutionId) }
}

/** Idempotent: a favourite already held is neither added again nor counted against the limit. */
export async function addFavourite(db: Kysely<Database>, userId: string, institutionId: string): Promise<void> {
  if (!(await institutionExists(db, institutionId))) throw notFound(`未找到机构 ${institutionId} (institution not found)`)
  if (await isFavourite(db, userId, institutionId)) return
  if ((await countFavourites(db, userId)) >= MAX_FAVOURITES) throw conflict(`最多收藏 ${MAX_FAVOURITES} 家机构 (at most ${MAX_FAVOURITES} favourites)`)
  await addFavourites(db, userId, [institutionId])
}

/** Idempotent. */
export async function removeFavouriteOf(db: Kysely<Database>, userId: string, institutionId: string): Promise<void> {
  await removeFavourite(db, userId, institutionId)
}

/** The app's local favourites join the account's at sign-in: unknown ids are skipped, the limit holds; returns the union. */
export async function mergeFavourites(db: Kysely<Database>, userId: string, institutionIds: string[]): Promise<FavouriteIds> {
  const wanted = [...new Set(institutionIds.map((id) => id.toLowerCase()))]
  const known = await existingInstitutionIds(db, wanted)
  const held = new Set((await listFavourites(db, userId)).map((f) => f.institutionId))
  const room = Math.max(0, MAX_FAVOURITES - held.size)
  await addFavourites(db, userId, wanted.filter((id) => known.has(id) && !held.has(id)).slice(0, room))
  return favouriteIds(db, userId)
}

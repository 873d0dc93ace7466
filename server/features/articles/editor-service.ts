import type { Kysely } from 'kysely'
import type { ArticleHistory, ArticleInput, ArticleReplacement, EditableArticle, EditableArticleList } from '../../../types/articles'
import type { Database } from '../../db/schema'
import type { Actor } from '../../shared/auth'
import { conflict } from '../../shared/http-errors'
import { authoringRegion, editableRegions, mayEdit, noSuchArticle } from './access'
import { articleFields } from './input-rules'
import { presentEditable } from './present'
import { articleHistory, findArticle, insertArticle, listForEditor, lockArticle, setWithdrawn, updateArticle, type EditorRow } from './repository'

/** The article if the regulator may edit it; an article of another region is as unknown as a missing one. */
async function editableArticle(db: Kysely<Database>, editor: Actor, id: string): Promise<EditorRow> {
  const row = await findArticle(db, id)
  if (!row || !mayEdit(editor.grants, row.regionCode)) throw noSuchArticle()
  return row
}

const editableView = async (db: Kysely<Database>, id: string) => presentEditable((await findArticle(db, id))!)

export async function articlesFor(db: Kysely<Database>, editor: Actor): Promise<EditableArticleList> {
  return { items: (await listForEditor(db, editableRegions(editor.grants))).map(presentEditable) }
}

export async function articleFor(db: Kysely<Database>, editor: Actor, id: string): Promise<EditableArticle> {
  return presentEditable(await editableArticle(db, editor, id))
}

/** A new article of the editor's region: no publishAt is a draft, a future one schedules it, a past one publishes it. */
export async function writeArticle(db: Kysely<Database>, editor: Actor, input: ArticleInput): Promise<EditableArticle> {
  const fields = articleFields(input)
  const id = (await insertArticle(db, fields, { userId: editor.userId, regionCode: authoringRegion(editor.grants) }))!
  return editableView(db, id)
}

/** Replaces every field; the current version is kept in the history first (concurrent edits queue on the row lock). */
export async function editArticle(db: Kysely<Database>, editor: Actor, id: string, input: ArticleReplacement): Promise<EditableArticle> {
  const fields = articleFields(input)
  await db.transaction().execute(async (trx) => {
    const current = await lockArticle(trx, id)
    if (!current || !mayEdit(editor.grants, current.regionCode)) throw noSuchArticle()
    await updateArticle(trx, current, fields, editor.userId)
  })
  return editableView(db, id)
}

export async function versionsOf(db: Kysely<Database>, editor: Actor, id: string): Promise<ArticleHistory> {
  return { items: await articleHistory(db, await editableArticle(db, editor, id)) }
}

/** Parents no longer see it (404); it and its history are kept, and it can be restored. */
export async function withdrawArticle(db: Kysely<Database>, editor: Actor, id: string): Promise<EditableArticle> {
  const row = await editableArticle(db, editor, id)
  if (row.status === 'withdrawn') throw conflict('该文章已撤回 (the article is already withdrawn)')
  await setWithdrawn(db, row.id, { at: new Date().toISOString(), by: editor.userId })
  return editableView(db, row.id)
}

/** Undoes a withdrawal: the article is again a draft, scheduled or published, as its publishAt says. */
export async function restoreArticle(db: Kysely<Database>, editor: Actor, id: string): Promise<EditableArticle> {
  const row = await editableArticle(db, editor, id)
  if (row.status !== 'withdrawn') throw conflict('该文章未被撤回 (the article is not withdrawn)')
  await setWithdrawn(db, row.id, null)
  return editableView(db, row.id)
}

import type { ArticleInput } from '../../../types/articles'
import { badRequest } from '../../shared/http-errors'
import { MarkupError, parseMarkup } from './markup'
import type { ArticleFields } from './repository'

// C0 controls (tabs and line breaks too: these are one-line fields), DEL and the C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/

function oneLine(field: string, value: string, minLength = 0): string {
  if (CONTROL_CHARACTERS.test(value)) throw badRequest(field, '不能包含换行或控制字符 (no line breaks or control characters)')
  const trimmed = value.trim()
  if (trimmed.length < minLength) throw badRequest(field, `至少需要 ${minLength} 个字 (at least ${minLength} characters besides spaces)`)
  return trimmed
}

/** The input checked and tidied, its body parsed into blocks; a bad field is a 400 naming it (the body's with the line). */
export function articleFields(input: ArticleInput): ArticleFields {
  const tags = input.tags.map((tag) => oneLine('tags', tag, 1))
  let blocks
  try {
    blocks = parseMarkup(input.body)
  } catch (error) {
    if (error instanceof MarkupError) throw badRequest('body', error.message)
    throw error
  }
  const documentNumber = input.documentNumber ? oneLine('documentNumber', input.documentNumber) : null
  return {
    kind: input.kind,
    title: oneLine('title', input.title, 2),
    summary: oneLine('summary', input.summary),
    tags: [...new Set(tags)],
    sourceDepartment: oneLine('sourceDepartment', input.sourceDepartment, 2),
    documentNumber: documentNumber || null,
    effectiveOn: input.effectiveOn ?? null,
    body: input.body,
    blocks,
    publishAt: input.publishAt ?? null,
    pinned: input.pinned,
  }
}

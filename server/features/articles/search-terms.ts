/**
 * Chinese has no spaces between words and PostgreSQL has no Chinese tokenizer here (no zhparser; PGlite and
 * PostgreSQL 15 must both work), so the terms are built here and PostgreSQL only stores and matches them:
 * a run of CJK characters becomes its single characters and its bigrams (托育机构 → 托 育 机 构 托育 育机 机构),
 * a Latin or digit word becomes itself in lower case. A query is split the same way and needs every one of its
 * bigrams, so 托育 finds 托育机构 but not a text with 托管 and 教育 (托 and 育 apart).
 *
 * Terms contain only letters and digits, joined by spaces: to_tsvector('simple', …) and plainto_tsquery('simple', …)
 * then see exactly these words, and nothing a user types can become tsquery syntax.
 */

// Han, kana and Hangul: written without spaces between words (Korean has spaces, but bigrams serve it well too).
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu
const WORD = /[\p{L}\p{N}]+/gu
// PostgreSQL refuses lexemes over 2 KB; nobody searches for a 60-letter word.
const MAX_WORD_LENGTH = 60
// A tsvector holds at most 1 MB of lexemes: 100,000 characters of rare ones could exceed it. Real articles have a
// few thousand distinct terms; past this many, the rest of a text is not searchable rather than not savable.
export const MAX_TERMS = 50_000

/** The pieces of a text: CJK runs and other words, lower-cased, full-width forms folded (ＡＢＣ１ → abc1). */
function pieces(text: string): Array<{ cjk: boolean; value: string }> {
  const result: Array<{ cjk: boolean; value: string }> = []
  const normalised = text.normalize('NFKC').toLowerCase()
  for (const word of normalised.match(WORD) ?? []) {
    let last = 0
    for (const run of word.matchAll(CJK_RUN)) {
      if (run.index > last) result.push({ cjk: false, value: word.slice(last, run.index) })
      result.push({ cjk: true, value: run[0] })
      last = run.index + run[0].length
    }
    if (last < word.length) result.push({ cjk: false, value: word.slice(last) })
  }
  return result.filter((p) => p.cjk || p.value.length <= MAX_WORD_LENGTH)
}

const bigrams = (chars: string[]) => chars.slice(0, -1).map((c, i) => c + chars[i + 1])

/** Every distinct term of a text, in order of appearance, for the index: each CJK character and bigram, each other word. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>()
  for (const piece of pieces(text)) {
    if (!piece.cjk) {
      terms.add(piece.value)
      continue
    }
    const chars = [...piece.value]
    chars.forEach((char, i) => {
      terms.add(char)
      if (i > 0) terms.add(chars[i - 1] + char)
    })
  }
  return [...terms].slice(0, MAX_TERMS)
}

/** The terms a query needs, all of them: bigrams of each CJK run (a lone character stands for itself), other words. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>()
  for (const piece of pieces(query)) {
    if (!piece.cjk) {
      terms.add(piece.value)
      continue
    }
    const chars = [...piece.value]
    for (const term of chars.length === 1 ? chars : bigrams(chars)) terms.add(term)
  }
  return [...terms]
}

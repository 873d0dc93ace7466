import type { Block, Inline } from '../../../types/articles'

/**
 * The article markup (see types/articles.ts), parsed once on save into blocks that the app shows as text:
 * nothing in a body is ever HTML. Line by line:
 *   `# `, `## `, `### `   a heading (levels 1–3; `####` and deeper are ordinary text)
 *   `- `                  a bullet item;  `1. ` (any number) a numbered item; consecutive items form one list
 *   blank line            ends a paragraph or a list
 *   anything else         paragraph text; consecutive lines join into one paragraph
 * `[text](href)` in paragraphs and list items is a link: https:// URLs and in-app paths under /pages/ only.
 */

/** A markup error with the 1-based line it was found on; the route answers 400 naming field body. */
export class MarkupError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`第 ${line} 行：${reason}`)
  }
}

const HEADING = /^(#{1,3})(?:[ \t]+(.*))?$/
const BULLET = /^-[ \t]+(.*)$/
const NUMBERED = /^\d{1,4}\.[ \t]+(.*)$/
// C0 controls except \t, DEL and the C1 controls: invisible, and never needed in an article.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
// An in-app page, optionally with a query string: no "..", no "//", no scheme, nothing a web view could run.
const APP_PATH = /^\/pages\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*(\?[A-Za-z0-9_\-.=&%]*)?$/
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u

const BAD_LINK = '链接只能是以 https:// 开头的网址或以 /pages/ 开头的小程序页面'

/** Whether `href` may be a link target: an https URL with a host, or an in-app page path. */
export function isAllowedHref(href: string): boolean {
  if (href.startsWith('/')) return APP_PATH.test(href) && !href.includes('..')
  if (!/^https:\/\//i.test(href)) return false
  try {
    const url = new URL(href)
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password
  } catch {
    return false
  }
}

// Label: anything but brackets; target: up to the first space or ")".
const LINK = /\[([^[\]]*)\]\(([^\s)]*)\)/g
const MALFORMED_LINK = '链接格式不正确，应写作 [文字](https://…)'

/**
 * Splits a line into text and links. A `](` left over outside a well-formed `[text](href)` is refused rather than
 * shown half-parsed, so an author sees the mistake instead of a broken link.
 */
export function parseInlines(text: string, line: number): Inline[] {
  const inlines: Inline[] = []
  const pushText = (value: string) => {
    if (value.includes('](')) throw new MarkupError(line, MALFORMED_LINK)
    if (value) inlines.push({ type: 'text', text: value })
  }
  let from = 0
  for (const match of text.matchAll(LINK)) {
    const [whole, label, href] = match
    if (!label.trim()) throw new MarkupError(line, '链接缺少文字，应写作 [文字](https://…)')
    if (!isAllowedHref(href)) throw new MarkupError(line, BAD_LINK)
    pushText(text.slice(from, match.index))
    inlines.push({ type: 'link', text: label.trim(), href })
    from = match.index + whole.length
  }
  pushText(text.slice(from))
  return inlines
}

/** Chinese lines join without a space; a space only between two non-CJK characters (Latin words, numbers). */
function joinLines(previous: string, next: string): string {
  const last = previous.at(-1) ?? ''
  const first = next[0] ?? ''
  return CJK.test(last) || CJK.test(first) ? previous + next : `${previous} ${next}`
}

type ListBlock = Extract<Block, { type: 'list' }>

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = []
  let paragraph: { text: string; line: number } | null = null
  let list: ListBlock | null = null

  const endParagraph = () => {
    // Each line was checked as it came, so a bad link is reported on its own line. Joining cannot create a link:
    // a "](" never spans two lines, because the join puts a space between "]" and "(".
    if (paragraph) blocks.push({ type: 'paragraph', inlines: parseInlines(paragraph.text, paragraph.line) })
    paragraph = null
  }
  const endList = () => {
    if (list) blocks.push(list)
    list = null
  }

  source.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1
    if (CONTROL_CHARACTERS.test(raw)) throw new MarkupError(line, '不能包含控制字符（换行和制表符除外）')
    const text = raw.trim()
    if (!text) {
      endParagraph()
      endList()
      return
    }

    const heading = HEADING.exec(text)
    if (heading) {
      endParagraph()
      endList()
      const title = (heading[2] ?? '').trim()
      if (!title) throw new MarkupError(line, '标题没有文字')
      if (title.includes('](')) throw new MarkupError(line, '标题中不能使用链接，请把链接放在正文段落或列表里')
      blocks.push({ type: 'heading', level: heading[1].length, text: title })
      return
    }

    const bullet = BULLET.exec(text)
    const numbered = bullet ? null : NUMBERED.exec(text)
    const item = bullet ?? numbered
    if (item) {
      endParagraph()
      const ordered = numbered !== null
      if (list && list.ordered !== ordered) endList()
      list ??= { type: 'list', ordered, items: [] }
      list.items.push(parseInlines(item[1].trim(), line))
      return
    }

    endList()
    parseInlines(text, line) // refuses a bad link on the line it is on
    if (paragraph) {
      paragraph.text = joinLines(paragraph.text, text)
    } else {
      paragraph = { text, line }
    }
  })
  endParagraph()
  endList()
  if (!blocks.length) throw new MarkupError(1, '正文不能为空')
  return blocks
}

/** The words of the blocks, for the search index: headings, paragraph and list text and link labels (never hrefs). */
export function plainTextOf(blocks: Block[]): string {
  const inlineText = (inlines: Inline[]) => inlines.map((i) => i.text).join('')
  return blocks
    .map((block) => {
      if (block.type === 'heading') return block.text
      if (block.type === 'paragraph') return inlineText(block.inlines)
      return block.items.map(inlineText).join('\n')
    })
    .join('\n')
}

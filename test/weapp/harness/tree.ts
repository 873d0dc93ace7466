import fs from 'node:fs'
import path from 'node:path'

/**
 * Taro's weapp build renders a page from one data tree (`data.root`): each node has `nn` (a per-build number naming
 * the component), `sid` (its id), `cn` (children), `v` (text) and attributes shortened to `p0`, `p1`…; base.wxml
 * says which number is which component and which `pN` is which attribute. Here the tree is read back into
 * elements a test can search, the way a parent reads the screen.
 */
export interface Element {
  tag: string
  sid: string
  /** The id WeChat reports as currentTarget.id (uid when the app set an id, else sid). */
  id: string
  className: string
  style: string
  attrs: Record<string, unknown>
  children: Element[]
  parent: Element | null
  /** Set on text nodes only. */
  text?: string
}

interface Template {
  tag: string
  attrs: Record<string, string>
}
export type Templates = Map<string, Template>

/** Reads base.wxml: `tmpl_0_<nn>` → tag and `pN` → attribute name. */
export function readTemplates(buildDir: string): Templates {
  const wxml = fs.readFileSync(path.join(buildDir, 'base.wxml'), 'utf8')
  const templates: Templates = new Map()
  for (const match of wxml.matchAll(/<template name="tmpl_0_([^"_]+)(?:_focus)?">\s*<([a-z-]+)([^>]*)>/g)) {
    const [, nn, tag, attributes] = match
    if (tag === 'template' || templates.has(nn)) continue
    const attrs: Record<string, string> = {}
    for (const attr of attributes.matchAll(/([a-z-]+)="\{\{[^"]*?\bi\.(p\d+)\b/g)) attrs[attr[2]] = attr[1]
    templates.set(nn, { tag, attrs })
  }
  for (const match of wxml.matchAll(/<template name="tmpl_0_([^"_]+)">\s*<block>\{\{i\.v\}\}<\/block>/g)) templates.set(match[1], { tag: '#text', attrs: {} })
  return templates
}

type RawNode = { nn?: string; sid?: string; uid?: string; cl?: string; st?: string; v?: string; cn?: RawNode[]; [key: string]: unknown }

export function readTree(root: unknown, templates: Templates): Element {
  const top: Element = { tag: 'page', sid: '', id: '', className: '', style: '', attrs: {}, children: [], parent: null }
  const walk = (raw: RawNode, parent: Element) => {
    const template = templates.get(String(raw.nn))
    const tag = template?.tag ?? `#${raw.nn}`
    const element: Element = {
      tag,
      sid: raw.sid ?? '',
      id: raw.uid ?? raw.sid ?? '',
      className: raw.cl ?? '',
      style: raw.st ?? '',
      attrs: {},
      children: [],
      parent,
    }
    if (tag === '#text') element.text = String(raw.v ?? '')
    for (const [key, value] of Object.entries(raw)) {
      const name = template?.attrs[key]
      if (name) element.attrs[name] = value
    }
    parent.children.push(element)
    for (const child of raw.cn ?? []) walk(child, element)
  }
  for (const child of (root as RawNode | undefined)?.cn ?? []) walk(child, top)
  return top
}

const hidden = (element: Element) => /display:\s*none/.test(element.style) || element.attrs.hidden === true

/** The text a parent sees in an element: its text nodes joined, hidden parts left out. */
export function textOf(element: Element): string {
  if (hidden(element)) return ''
  if (element.text !== undefined) return element.text
  return element.children.map(textOf).join('')
}

export function* elements(element: Element): Generator<Element> {
  if (hidden(element)) return
  yield element
  for (const child of element.children) yield* elements(child)
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * The element a finger would land on for `text`: the deepest element whose text is exactly `text`, else the deepest
 * whose text contains it. Text nodes are not elements (WeChat targets their element).
 */
export function findByText(root: Element, text: string | RegExp): Element | null {
  const matches = (element: Element, exact: boolean) => {
    const own = squash(textOf(element))
    if (typeof text !== 'string') return text.test(own)
    return exact ? own === squash(text) : own.includes(squash(text))
  }
  for (const exact of [true, false]) {
    let found: Element | null = null
    let foundDepth = -1
    for (const element of elements(root)) {
      if (element.tag === '#text' || element.tag === 'page' || !matches(element, exact)) continue
      const depth = depthOf(element)
      if (depth > foundDepth) {
        found = element
        foundDepth = depth
      }
    }
    if (found) return found
  }
  return null
}

function depthOf(element: Element): number {
  let depth = 0
  for (let node = element.parent; node; node = node.parent) depth += 1
  return depth
}

/** The elements from `element` up to the page: the path a bubbling event takes. */
export function ancestry(element: Element): Element[] {
  const path: Element[] = []
  for (let node: Element | null = element; node && node.tag !== 'page'; node = node.parent) if (node.tag !== '#text') path.push(node)
  return path
}

import { zhCN, type Messages } from './zh-CN'

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** Every key of the catalogue, e.g. 'list.end' or 'enums.serviceForm.hourly'. */
export type MessageKey = Leaves<Messages>
export type MessageParams = Record<string, string | number>

// Only zh-CN for now; a locale switch (ko-KR for Yanbian) will choose the catalogue here.
let messages: Messages = zhCN

export function setMessages(catalogue: Messages): void {
  messages = catalogue
}

export function t(key: MessageKey, params?: MessageParams): string {
  const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
  if (typeof template !== 'string') return key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

import { Type, type Static } from '@sinclair/typebox'
import { DateTimeString } from './common'

export const PrivacyPolicy = Type.Object({
  version: Type.String({ description: 'e.g. 2026-11-28' }),
  publishedAt: DateTimeString,
  title: Type.String(),
  body: Type.String({ description: 'plain text, paragraphs separated by blank lines' }),
})
export type PrivacyPolicy = Static<typeof PrivacyPolicy>

export const PrivacyPolicyParams = Type.Object({ version: Type.String({ pattern: '^[0-9A-Za-z.-]{1,40}$' }) })

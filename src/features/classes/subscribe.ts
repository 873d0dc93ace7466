import Taro from '@tarojs/taro'
import type { ClassMessageKind, MessageTemplates } from '../../../types/classes'
import { isWeapp } from '../../utils/platform'
import { messageKindsFor } from './constants'

/**
 * Asks the parent (WeChat only) to accept the one-time messages that can follow this sign-up and resolves the kinds
 * they accepted. Call it straight from the tap, before any other await: WeChat only shows the prompt for a user's tap.
 * A refusal, a failure or no templates all resolve to [] — signing up never waits on it.
 */
export async function requestClassMessages(templates: MessageTemplates | null, full: boolean): Promise<ClassMessageKind[]> {
  if (!isWeapp() || !templates || typeof Taro.requestSubscribeMessage !== 'function') return []
  const wanted = messageKindsFor(full).flatMap((kind) => {
    const id = templates[kind]
    return id ? [{ kind, id }] : []
  })
  if (wanted.length === 0) return []
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: wanted.map((w) => w.id) } as Taro.requestSubscribeMessage.Option)) as unknown as Record<
      string,
      string
    >
    return wanted.filter((w) => answer[w.id] === 'accept').map((w) => w.kind)
  } catch {
    return []
  }
}

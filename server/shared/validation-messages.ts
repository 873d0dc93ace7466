import type { FastifySchemaValidationError } from 'fastify'

const TYPE_NAMES: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文字',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  null: 'null',
}

/** "querystring/lat must be <= 90" → field "lat"; a missing property names itself. */
export function fieldOf(first: FastifySchemaValidationError | undefined, context: string | undefined): string | undefined {
  if (!first) return context
  const params = first.params as { missingProperty?: string }
  const pathPart = first.instancePath.split('/').filter(Boolean)[0]
  return params.missingProperty ?? pathPart ?? context
}

/** ajv's first complaint, as a Chinese sentence naming the parameter (its English stays in `detail`). */
export function validationMessage(first: FastifySchemaValidationError | undefined, field: string): string {
  const params = (first?.params ?? {}) as Record<string, unknown>
  const limit = params.limit
  const type = String(params.type ?? '')
  switch (first?.keyword) {
    case 'required':
      return `缺少参数 ${field}`
    case 'type':
      return `参数 ${field} 应为${type
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join('或')}`
    case 'minimum':
      return `参数 ${field} 不能小于 ${limit}`
    case 'maximum':
      return `参数 ${field} 不能大于 ${limit}`
    case 'exclusiveMinimum':
      return `参数 ${field} 须大于 ${limit}`
    case 'exclusiveMaximum':
      return `参数 ${field} 须小于 ${limit}`
    case 'finite':
      return `参数 ${field} 须为有限的数值`
    case 'minLength':
      return `参数 ${field} 至少 ${limit} 个字符`
    case 'maxLength':
      return `参数 ${field} 最多 ${limit} 个字符`
    case 'minItems':
      return `参数 ${field} 至少 ${limit} 项`
    case 'maxItems':
      return `参数 ${field} 最多 ${limit} 项`
    case 'uniqueItems':
      return `参数 ${field} 不能有重复项`
    case 'pattern':
    case 'format':
      return `参数 ${field} 格式不正确`
    case 'enum':
      return `参数 ${field} 应为 ${(params.allowedValues as unknown[] | undefined)?.join('、') ?? ''} 之一`
    case 'const':
      return `参数 ${field} 应为 ${String(params.allowedValue)}`
    case 'additionalProperties':
      return `不支持参数 ${String(params.additionalProperty ?? field)}`
    default:
      return `参数 ${field} 无效`
  }
}

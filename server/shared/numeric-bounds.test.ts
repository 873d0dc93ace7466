import { randomUUID } from 'node:crypto'
import { userWithEveryRole } from '../../test/support/every-role'
import { useTestApp } from '../../test/support/test-app'

/** The part of JSON Schema the OpenAPI document uses for inputs. */
interface Schema {
  type?: string | string[]
  format?: string
  pattern?: string
  enum?: unknown[]
  minimum?: number
  exclusiveMinimum?: number
  maximum?: number
  exclusiveMaximum?: number
  minLength?: number
  minItems?: number
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
}
interface Parameter {
  in: 'query' | 'path' | 'header'
  name: string
  required?: boolean
  schema: Schema
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: Schema }> }
}

/** A numeric input of one route: a query parameter or a top-level property of a JSON body. */
interface NumericInput {
  method: string
  path: string
  operation: Operation
  where: 'query' | 'body'
  name: string
  schema: Schema
}

const { app } = useTestApp()
let headers: Record<string, string>
let inputs: NumericInput[]

const types = (schema: Schema) => [schema.type ?? [], ...(schema.anyOf ?? []).map((s) => s.type ?? []), ...(schema.oneOf ?? []).map((s) => s.type ?? [])].flat()
const isNumeric = (schema: Schema) => types(schema).some((type) => type === 'number' || type === 'integer')
/** The numeric branch of a nullable number, or the schema itself. */
const numericPart = (schema: Schema) =>
  [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].find((s) => [s.type].flat().some((t) => t === 'number' || t === 'integer'))!
const jsonBodyOf = (operation: Operation) => operation.requestBody?.content['application/json']?.schema

/** Values the patterns of the API's inputs accept; a new pattern on a route with numeric inputs needs one here. */
const PATTERN_EXAMPLES: Record<string, string> = {
  '^TS[0-9]{8}[A-Z0-9]{6}$': 'TS20260101ABC123',
  '^https://': 'https://example.cn/class',
  '^[0-9]{6}$': '220100',
  '^[0-9]{4}-(0[1-9]|1[0-2])$': '2026-05',
  '^[^,]+(,[^,]+){1,3}$': `${randomUUID()},${randomUUID()}`,
}

/** A value the schema accepts, so that only the number under test is wrong. */
function exampleOf(schema: Schema): unknown {
  const branch = schema.anyOf?.find((s) => s.type !== 'null') ?? schema.oneOf?.find((s) => s.type !== 'null')
  if (branch) return exampleOf(branch)
  if (schema.enum) return schema.enum[0]
  const type = [schema.type].flat()[0]
  if (type === 'integer' || type === 'number') return schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1
  if (type === 'boolean') return false
  if (type === 'array') return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}))
  if (type === 'object') return Object.fromEntries((schema.required ?? []).map((name) => [name, exampleOf(schema.properties![name])]))
  if (schema.format === 'uuid') return randomUUID()
  if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString()
  if (schema.format === 'date') return '2026-06-01'
  if (schema.pattern) {
    const example = PATTERN_EXAMPLES[schema.pattern]
    if (!example) throw new Error(`no example for the pattern ${schema.pattern}: add one to PATTERN_EXAMPLES`)
    return example
  }
  return '测'.repeat(Math.max(schema.minLength ?? 1, 1))
}

beforeAll(async () => {
  headers = (await userWithEveryRole(app)).headers
  await app.ready()
  const paths = (app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths
  inputs = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const query = (operation.parameters ?? [])
        .filter((p) => p.in === 'query' && isNumeric(p.schema))
        .map((p) => ({ method, path, operation, where: 'query' as const, name: p.name, schema: p.schema }))
      const body = Object.entries(jsonBodyOf(operation)?.properties ?? {})
        .filter(([, schema]) => isNumeric(schema))
        .map(([name, schema]) => ({ method, path, operation, where: 'body' as const, name, schema }))
      return [...query, ...body]
    }),
  )
})

const describeInput = (input: NumericInput) => `${input.method.toUpperCase()} ${input.path} ${input.where} ${input.name}`

it('finds the numeric inputs of the API: pages, sizes, coordinates, radii, ages, capacities, scores, counts, times', () => {
  expect(inputs.map(describeInput)).toEqual(
    expect.arrayContaining([
      'GET /api/institutions query lat',
      'GET /api/institutions query radiusKm',
      'GET /api/institutions query pageSize',
      'GET /api/classes query page',
      'GET /api/articles query page',
      'GET /api/sanctions query page',
      'GET /api/bulletins query page',
      'POST /api/centre/classes body capacity',
      'PUT /api/centre/classes/{id} body lat',
      'POST /api/complaints/{trackingNumber}/rating body score',
      'POST /api/institutions/{id}/invitations body maxUses',
      'GET /api/complaints/photos/{id} query expires',
    ]),
  )
  // Numbers nested deeper than a body's own properties would need this walk extended.
  const nested = (schema: Schema | undefined, depth: number): boolean =>
    !!schema &&
    ((depth > 1 && isNumeric(schema)) ||
      Object.values(schema.properties ?? {}).some((s) => nested(s, depth + 1)) ||
      nested(schema.items, depth + 1) ||
      [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some((s) => nested(s, depth)))
  const paths = (app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths
  const withNested = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => nested(jsonBodyOf(op), 0))
      .map(([m]) => `${m} ${path}`),
  )
  expect(withNested).toEqual([])
})

it('bounds every numeric input on both sides', () => {
  const unbounded = inputs.filter((input) => {
    const schema = numericPart(input.schema)
    return (schema.minimum ?? schema.exclusiveMinimum) === undefined || (schema.maximum ?? schema.exclusiveMaximum) === undefined
  })
  expect(unbounded.map(describeInput)).toEqual([])
})

/** The request for `input` with everything valid but `raw` (JSON text for a body) in its place. */
function requestWith(input: NumericInput, raw: string, asJsonNumber: boolean) {
  const url = input.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = input.operation.parameters!.find((p) => p.in === 'path' && p.name === name)!
    return encodeURIComponent(String(exampleOf(param.schema)))
  })
  const query = new URLSearchParams()
  for (const param of input.operation.parameters ?? []) {
    if (param.in === 'query' && param.required && param.name !== input.name) query.set(param.name, String(exampleOf(param.schema)))
  }
  if (input.where === 'query') query.set(input.name, raw)
  const bodySchema = jsonBodyOf(input.operation)
  let payload: string | undefined
  if (bodySchema) {
    const body = exampleOf(bodySchema) as Record<string, unknown>
    if (input.where === 'body') body[input.name] = '\u0000number\u0000'
    payload = JSON.stringify(body).replace('"\\u0000number\\u0000"', asJsonNumber ? raw : JSON.stringify(raw))
  }
  return app.inject({
    method: input.method.toUpperCase() as 'GET',
    url: `${url}${query.size ? `?${query}` : ''}`,
    headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
    payload,
  })
}

// As a query string, a JSON number (1e309 parses to Infinity) and a JSON string (ajv coerces numeric strings).
const BAD_NUMBERS: Array<[string, boolean]> = [
  ['Infinity', false],
  ['1e309', true],
  ['-1e309', true],
  ['NaN', false],
  ['-Infinity', false],
  ['1e309', false],
]

it.each(BAD_NUMBERS)('refuses %s (a JSON number in a body: %s) in every numeric query and body field with 400 naming it', async (raw, asJsonNumber) => {
  const wrong: string[] = []
  for (const input of inputs) {
    if (asJsonNumber && input.where === 'query') continue
    const response = await requestWith(input, raw, asJsonNumber)
    const answer = response.json()
    if (response.statusCode !== 400 || answer.field !== input.name || answer.code !== 'validation') {
      wrong.push(`${describeInput(input)}: ${response.statusCode} ${response.body}`)
    }
  }
  expect(wrong).toEqual([])
})

it('accepts the upper bounds themselves', async () => {
  const wrong: string[] = []
  for (const input of inputs) {
    const schema = numericPart(input.schema)
    const edge = schema.maximum ?? schema.exclusiveMaximum! - 1
    const response = await requestWith(input, String(edge), true)
    // Rules may still refuse the value (radiusKm without lat and lng); the schema may not.
    const answer = response.json()
    if (answer.code === 'validation' && answer.field === input.name) wrong.push(`${describeInput(input)}: ${response.body}`)
    if (response.statusCode >= 500) wrong.push(`${describeInput(input)}: ${response.statusCode} ${response.body}`)
  }
  expect(wrong).toEqual([])
})

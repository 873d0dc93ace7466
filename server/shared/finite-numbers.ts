interface ValidationError {
  instancePath: string
  schemaPath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}
interface Validate {
  (data: unknown): boolean | Promise<unknown>
  errors?: ValidationError[] | null
}
interface Ajv {
  compile(schema: object): Validate
}

/** The JSON pointer of the first number that is not finite (±Infinity, NaN) in `data`, or null. */
export function nonFiniteNumberAt(data: unknown, path = ''): string | null {
  if (typeof data === 'number') return Number.isFinite(data) ? null : path
  if (!data || typeof data !== 'object') return null
  for (const [key, value] of Object.entries(data)) {
    const found = nonFiniteNumberAt(value, `${path}/${key}`)
    if (found !== null) return found
  }
  return null
}

/**
 * An ajv plugin for Fastify's validator. ajv coerces the query strings "Infinity", "1e309" and "-1e309" (and such
 * strings in a JSON body) to ±Infinity, and then skips minimum and maximum, which it checks on finite numbers only: so
 * every bound of types/ let them through to the database, which answered 500. After each validation that passed, a
 * number that is not finite fails it, as a schema error naming its path: the usual 400 naming the field.
 */
export function refuseNonFiniteNumbers<A extends Ajv>(ajv: A): A {
  const compile = ajv.compile.bind(ajv)
  ajv.compile = ((schema: object) => {
    const validate = compile(schema)
    const checked: Validate = (data: unknown) => {
      const valid = validate(data)
      checked.errors = validate.errors
      // Fastify compiles no async schemas here; pass one through untouched all the same.
      if (valid !== true) return valid
      const path = nonFiniteNumberAt(data)
      if (path === null) return true
      checked.errors = [{ instancePath: path, schemaPath: '#', keyword: 'finite', params: {}, message: 'must be a finite number' }]
      return false
    }
    return checked
  }) as A['compile']
  return ajv
}

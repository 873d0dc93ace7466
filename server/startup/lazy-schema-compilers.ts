import { AjvCompiler, type RouteDefinition } from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type Validate = ReturnType<ReturnType<ReturnType<typeof AjvCompiler>>>

/**
 * Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify) before it listens:
 * about half a second for this API, on every start. These compilers are Fastify's own, each run on a route's first
 * request instead (a few milliseconds then), so a start answers sooner and routes never called cost nothing.
 */
export const lazySchemaCompilers: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildValidator: (externalSchemas, ajvOptions) => {
      const compile = AjvCompiler()(externalSchemas, ajvOptions)
      return (route) => lazyValidator(() => compile(route.httpPart === 'headers' ? lowerCaseHeaderNames(route) : route))
    },
    buildSerializer: (externalSchemas, serializerOptions) => {
      const compile = SerializerSelector()(externalSchemas, serializerOptions)
      return (route) => {
        let serialize: ((data: unknown) => string) | null = null
        return (data) => (serialize ??= compile(route))(data)
      }
    },
  },
}

function lazyValidator(compile: () => Validate): Validate {
  let validate: Validate | null = null
  const lazy = ((data: unknown, context?: Parameters<Validate>[1]) => {
    validate ??= compile()
    const result = validate.schemaEnv && context ? validate(data, context) : validate(data)
    lazy.errors = validate.errors
    return result
  }) as Validate
  // Fastify hands Ajv's validators the request as parent, which lets them coerce the value itself: say we are one.
  Object.assign(lazy, { schemaEnv: true })
  return lazy
}

/**
 * Node lower-cases header names. Fastify does the same to the names in a header schema, but only for its own compiler:
 * done here for ours (names of the schema's top level, which is how header schemas are written).
 */
function lowerCaseHeaderNames(route: RouteDefinition): RouteDefinition {
  if (typeof route.schema !== 'object') return route
  const { properties, required } = route.schema as { properties?: Record<string, unknown>; required?: string[] }
  if (!properties) return route
  const schema = {
    ...route.schema,
    properties: Object.fromEntries(Object.entries(properties).map(([name, value]) => [name.toLowerCase(), value])),
    ...(required ? { required: required.map((name) => name.toLowerCase()) } : {}),
  }
  return { ...route, schema }
}

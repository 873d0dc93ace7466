import { aRecord } from '../../test/support/institution-builder'
import { registeredRoutes } from '../../test/support/registered-routes'
import { aHealthCentre, seedRecords } from '../../test/support/seed-registry'
import { PROVINCE_CODE } from '../../types/roles'
import { grantRole, signedInRegulator, useTestApp } from '../../test/support/test-app'

const { app } = useTestApp()
let institutionId: string
let centreId: string
/** Every POST/PUT/DELETE of the API, and whether its operation declares a request body. */
let writes: Array<{ method: string; path: string; hasBodySchema: boolean }>

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

beforeAll(async () => {
  institutionId = (await seedRecords(app, { institution: aRecord({ name: '空请求体托育园' }) })).institution
  centreId = (await aHealthCentre(app, { name: '空请求体社区卫生服务中心' })).id
  await app.ready()
  const operations = (app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> }).paths
  writes = registeredRoutes(app)
    .map((route) => route.split(' '))
    .filter(([method, path]) => ['POST', 'PUT', 'DELETE'].includes(method) && path.startsWith('/api/'))
    .map(([method, path]) => ({ method, path, hasBodySchema: operations[path]?.[method.toLowerCase()]?.requestBody !== undefined }))
})

/** A user holding every role, so each route's own checks run instead of stopping at 401/403 in onRequest. */
async function everyRole() {
  const user = await signedInRegulator(app, PROVINCE_CODE)
  await grantRole(app, user.userId, { role: 'committee', institutionId })
  await grantRole(app, user.userId, { role: 'centre_staff', centreId })
  return user
}

const urlOf = (path: string) =>
  path
    .replace('{trackingNumber}', 'TS20260101000001')
    .replace('{code}', 'NOPE2345')
    .replace(/\/institutions\/\{id\}/, `/institutions/${institutionId}`)
    .replace(/\{\w+\}/g, UNKNOWN_ID)

// What wx.request sends on a phone (its JSON default), and what axios declares on a write without data.
const WITHOUT_BODY = [
  { 'content-type': 'application/json' },
  { 'content-type': 'application/json', 'content-length': '0' },
  { 'content-type': 'application/x-www-form-urlencoded' },
]

it('finds the writes of the API, with and without body schemas', () => {
  expect(writes.length).toBeGreaterThan(40)
  expect(writes).toEqual(
    expect.arrayContaining([
      { method: 'DELETE', path: '/api/me', hasBodySchema: false },
      { method: 'POST', path: '/api/sign-ups/{id}/cancel', hasBodySchema: false },
      { method: 'POST', path: '/api/me/children', hasBodySchema: true },
    ]),
  )
})

it('never refuses a body-less write for its declared content type', async () => {
  const refused: string[] = []
  // Routes with a body schema too: those whose fields are all optional take no body, the others answer 400 naming body.
  for (const { method, path } of writes) {
    for (const declared of WITHOUT_BODY) {
      const { headers } = await everyRole()
      const response = await app.inject({ method: method as 'POST', url: urlOf(path), headers: { ...headers, ...declared } })
      const answer = `${method} ${path} (${declared['content-type']}${declared['content-length'] ? ', length 0' : ''}): ${response.statusCode} ${response.body}`
      if (response.statusCode === 415 || /body cannot be empty/i.test(response.body) || response.statusCode >= 500) refused.push(answer)
      // Any other 400 must name the input at fault (an upload without its file names the file field).
      else if (response.statusCode === 400 && !response.json().field) refused.push(answer)
    }
  }
  expect(refused).toEqual([])
})

it('answers a body-less request to a route that needs a body with 400 naming body', async () => {
  const { headers } = await everyRole()
  for (const declared of WITHOUT_BODY) {
    const response = await app.inject({ method: 'POST', url: '/api/me/children', headers: { ...headers, ...declared } })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ field: 'body' })
  }
  const signIn = await app.inject({ method: 'POST', url: '/api/auth/phone/code', headers: { 'content-type': 'application/json' } })
  expect(signIn.statusCode).toBe(400)
  expect(signIn.json().field).toBe('body')
})

it('still parses a body that is sent, and refuses a type it cannot read', async () => {
  const { headers } = await everyRole()
  const json = await app.inject({
    method: 'POST',
    url: '/api/me/children',
    headers: { ...headers, 'content-type': 'application/json' },
    payload: '{"nickname":"",',
  })
  expect(json.statusCode).toBe(400)
  const form = await app.inject({
    method: 'POST',
    url: '/api/me/children',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'nickname=x',
  })
  expect(form.statusCode).toBe(415)
})

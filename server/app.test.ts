import { registeredRoutes } from '../test/support/registered-routes'
import { useTestApp } from '../test/support/test-app'

const { app } = useTestApp()

it('answers the health check with the database in use', async () => {
  const response = await app.inject('/api/health')
  expect(response.statusCode).toBe(200)
  expect(response.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' })
})

it('tells the operator whether nearby searches are answered from memory yet', async () => {
  // The test app loads its index at the first search; a production instance at start.
  expect((await app.inject('/api/health')).json().nearbyIndex).toEqual({ institutions: 0, refreshedAt: null })
  expect((await app.inject('/api/institutions?lat=43.88&lng=125.32')).statusCode).toBe(200)
  expect((await app.inject('/api/health')).json().nearbyIndex).toEqual({ institutions: 0, refreshedAt: expect.any(String) })
})

it('publishes an OpenAPI 3 document that covers every API route', async () => {
  const response = await app.inject('/api/openapi.json')
  expect(response.statusCode).toBe(200)
  const document = response.json()
  expect(document.openapi).toMatch(/^3\./)
  const documented = new Set<string>()
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`)
  }
  const registered = registeredRoutes(app).filter((route) => route.includes(' /api/') && !/\/api\/(docs|openapi\.json)/.test(route))
  expect(registered).toEqual(expect.arrayContaining(['GET /api/institutions', 'GET /api/institutions/{id}', 'GET /api/health']))
  for (const route of registered) expect(documented).toContain(route)
  // wx.request cannot send PATCH: nothing the mini-program calls may need it.
  expect([...documented, ...registered].filter((route) => route.startsWith('PATCH '))).toEqual([])
  expect(document.paths['/api/institutions'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
    expect.arrayContaining(['lat', 'lng', 'radiusKm', 'serviceForm', 'childBirthMonth', 'sort', 'page', 'pageSize']),
  )
})

it('serves interactive API docs', async () => {
  const response = await app.inject('/api/docs/')
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toContain('text/html')
})

it('lists every 市州 with its districts', async () => {
  const response = await app.inject('/api/regions')
  const { cities } = response.json()
  expect(cities).toHaveLength(11)
  const yanbian = cities.find((c: { code: string }) => c.code === '222400')
  expect(yanbian.shortName).toBe('延边')
  expect(yanbian.districts.map((d: { name: string }) => d.name)).toContain('延吉市')
  const changchun = cities.find((c: { code: string }) => c.code === '220100')
  expect(changchun.districts.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['朝阳区', '南关区']))
})

it('publishes the grade scheme with its seven dimensions', async () => {
  const scheme = (await app.inject('/api/grade-scheme')).json()
  expect(scheme.levels.map((l: { code: string }) => l.code)).toEqual(['A', 'B', 'C', 'D'])
  expect(scheme.dimensions.map((d: { name: string }) => d.name)).toEqual(['办托条件', '托育队伍', '保育照护', '卫生保健', '养育支持', '安全保障', '机构管理'])
  expect(scheme.dimensions.reduce((sum: number, d: { maxScore: number }) => sum + d.maxScore, 0)).toBe(scheme.maxScore)
})

it('answers unknown API paths with a JSON 404', async () => {
  const response = await app.inject('/api/nothing-here')
  expect(response.statusCode).toBe(404)
  expect(response.json().message).toContain('/api/nothing-here')
})

it('compresses large answers for clients that accept gzip', async () => {
  const response = await app.inject({ url: '/api/regions', headers: { 'accept-encoding': 'gzip' } })
  expect(response.headers['content-encoding']).toBe('gzip')
  const plain = await app.inject('/api/regions')
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.json().cities).toHaveLength(11)
})

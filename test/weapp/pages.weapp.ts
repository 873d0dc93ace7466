import fs from 'node:fs'
import path from 'node:path'
import { bff, launch } from './support'

type Page<T> = { items: T[] }

/** Every page of app.json, opened first (as from a shared card or a subscription message), with a real id where it needs one. */
describe('every page of the weapp build', () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(process.env.WEAPP_BUILD_DIR!, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  const routes = [...appJson.pages, ...appJson.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
  let queries: Record<string, string> = {}

  beforeAll(async () => {
    const { api } = bff()
    const [institution] = (await api<Page<{ id: string }>>('/api/institutions?region=220100&limit=1')).items
    const [session] = (await api<Page<{ id: string }>>('/api/classes?limit=1')).items
    const [article] = (await api<Page<{ id: string }>>('/api/articles?limit=1')).items
    const [bulletin] = (await api<Page<{ id: string }>>('/api/bulletins?limit=1')).items
    queries = {
      'pages/institution/index': `id=${institution.id}`,
      'pages/class/index': `id=${session.id}`,
      'pages/articles/detail': `id=${article.id}`,
      'pages/bulletins/detail': `id=${bulletin.id}`,
      'pages/notices/index': `institutionId=${institution.id}`,
      'pages/notices/compose': `institutionId=${institution.id}`,
      'pages/committee/index': `institutionId=${institution.id}`,
      'pages/complaint-new/index': `institutionId=${institution.id}&name=${encodeURIComponent('双阳稻香托育中心（演示）')}`,
    }
  })

  it.each(routes.map((route) => [route]))('%s opens with no error and shows something', async (route) => {
    const query = queries[route]
    const mp = await launch({ path: query ? `${route}?${query}` : route, person: { locationPrompt: 'deny' } })
    expect(mp.currentRoute).toBe(route)
    await mp.settle()
    expect(mp.text().trim().length).toBeGreaterThan(0)
  })
})

import { aRecord } from '../../../test/support/institution-builder'
import { upsertInstitutions } from './import/upsert'
import { COUNT_CAP } from './repository'
import { useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()

beforeAll(async () => {
  // COUNT_CAP + 5 institutions on a line running north from 长春, one every ~100 m.
  const records = Array.from({ length: COUNT_CAP + 5 }, (_, i) => aRecord({ name: `计数托育园${i}`, lat: 43.7 + i * 0.0009, lng: 125.32 }))
  await upsertInstitutions(testDb.database.db, records)
})

const search = async (query: string) => (await app.inject(`/api/institutions?${query}`)).json()

it('stops counting at the cap and says so, while paging still reaches every institution', async () => {
  const first = await search('lat=43.7&lng=125.32&pageSize=50')
  expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true, hasMore: true })
  const last = await search(`lat=43.7&lng=125.32&pageSize=50&page=${Math.ceil((COUNT_CAP + 5) / 50)}`)
  expect(last.items).toHaveLength((COUNT_CAP + 5) % 50)
  expect(last.hasMore).toBe(false)
  expect(last.items.at(-1).name).toBe(`计数托育园${COUNT_CAP + 4}`)
})

it('counts exactly below the cap', async () => {
  const near = await search('lat=43.7&lng=125.32&radiusKm=1')
  // The 11th lies 1,002 m away.
  expect(near).toMatchObject({ total: 10, totalCapped: false, hasMore: false })
  expect(near.items).toHaveLength(10)
})

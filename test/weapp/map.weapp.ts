import type { MiniProgram } from './harness/mini-program'
import { elements, textOf } from './harness/tree'
import { regionOf } from './harness/wx/map'
import { agreeToPrivacyPrompt, launch } from './support'

type Marker = { id: number; latitude: number; longitude: number; title: string; joinCluster: boolean; label: { content: string } }

/** The names of the list's cards, top to bottom. */
const cardNames = (mp: MiniProgram) => [...elements(mp.screen())].filter((element) => element.className.split(/\s+/).includes('card__name')).map(textOf)
const markers = (mp: MiniProgram) => mp.map().markers as unknown as Marker[]
/** N of 已显示 n / 共 N 家 under the map. */
const mapTotal = (mp: MiniProgram) => Number(/已显示 \d+ \/ 共 (\d+) 家/.exec(mp.text())?.[1])

async function nearbyOnMap(): Promise<{ mp: MiniProgram; listed: string[] }> {
  const mp = await launch()
  await agreeToPrivacyPrompt(mp)
  await mp.waitForText('公里')
  const listed = cardNames(mp)
  await mp.tap('地图')
  await mp.waitUntil(
    () => mp.mapElement() !== null && markers(mp).length > 0,
    10_000,
    () => 'the map with its markers did not appear.',
  )
  return { mp, listed }
}

it('the map shows the list’s institutions as numbered, clustering markers, and a tapped one’s card', async () => {
  const { mp, listed } = await nearbyOnMap()

  expect(listed.length).toBeGreaterThan(1)
  expect(markers(mp).map((marker) => marker.title)).toEqual(listed)
  expect(markers(mp).map((marker) => marker.label.content)).toEqual(listed.map((_, index) => String(index + 1)))
  expect(markers(mp).every((marker) => marker.joinCluster)).toBe(true)
  expect(mp.map().view.cluster).toMatchObject({ enableDefaultStyle: true, zoomOnClick: true })
  // Located: the map shows where the parent is; nothing to search until they move it.
  expect(mp.map().element.attrs['show-location']).toBe(true)
  expect(mp.has('搜索此区域')).toBe(false)
  expect(mp.text()).toMatch(new RegExp(`已显示 ${listed.length} / 共 \\d+ 家`))

  await mp.tapMarker(3)
  const card = mp.region(listed[2], 'institution-map__card')
  expect(textOf(card)).toContain('公里')
  expect(textOf(card)).not.toContain(listed[0])
})

it('after a drag, 搜索此区域 asks the BFF for that area and the map and the list show only what lies inside it', async () => {
  const { mp, listed } = await nearbyOnMap()
  const fifth = markers(mp)[4]
  const nearbyTotal = mapTotal(mp)

  // A few kilometres around the fifth nearest institution.
  await mp.dragMap({ centre: { latitude: fifth.latitude, longitude: fifth.longitude }, scale: 14 })
  await mp.tap('搜索此区域')
  await mp.waitForText('仅显示地图区域内的机构')
  await mp.waitUntil(
    () => markers(mp).some((marker) => marker.title === fifth.title),
    10_000,
    () => 'the searched area’s markers did not appear.',
  )

  const { southwest, northeast } = regionOf(mp.map().view)
  const search = mp.requests.filter((request) => request.url.includes('/api/institutions?')).pop()!
  const bbox = new URL(search.url).searchParams.get('bbox')!.split(',').map(Number)
  expect(bbox[0]).toBeCloseTo(southwest.longitude, 4)
  expect(bbox[1]).toBeCloseTo(southwest.latitude, 4)
  expect(bbox[2]).toBeCloseTo(northeast.longitude, 4)
  expect(bbox[3]).toBeCloseTo(northeast.latitude, 4)
  // Distances stay the parent's: the position goes with the area.
  expect(search.url).toContain(`lat=${mp.person.position.latitude}`)

  const inside = markers(mp)
  for (const marker of inside) {
    expect(marker.latitude).toBeGreaterThanOrEqual(southwest.latitude)
    expect(marker.latitude).toBeLessThanOrEqual(northeast.latitude)
    expect(marker.longitude).toBeGreaterThanOrEqual(southwest.longitude)
    expect(marker.longitude).toBeLessThanOrEqual(northeast.longitude)
  }
  expect(mapTotal(mp)).toBeLessThan(nearbyTotal)
  // The searched view stays where the parent put it, and 搜索此区域 goes until they move the map again.
  expect(mp.has('搜索此区域')).toBe(false)

  // The list shows the same institutions in the same order, until the area is cleared.
  await mp.tap('列表')
  await mp.waitForText('公里')
  expect(cardNames(mp)).toEqual(inside.map((marker) => marker.title))
  await mp.tap('清除区域')
  await mp.waitUntil(
    () => !mp.has('仅显示地图区域内的机构') && cardNames(mp).join() === listed.join(),
    10_000,
    () => 'clearing the area did not bring the nearest institutions back.',
  )
})

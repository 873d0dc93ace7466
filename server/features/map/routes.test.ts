import sharp from 'sharp'
import { useTestApp } from '../../../test/support/test-app'
import { providerTiles } from './tile-source'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Decoded by a real PNG decoder (which checks every chunk's CRC): size, and how often each colour occurs. */
async function decode(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true })
  const counts = new Map<string, number>()
  for (let at = 0; at < data.length; at += info.channels) {
    const colour = data.subarray(at, at + info.channels).toString('hex')
    counts.set(colour, (counts.get(colour) ?? 0) + 1)
  }
  return { width: info.width, height: info.height, counts: [...counts.values()].sort((a, b) => b - a), colours: [...counts.keys()] }
}

describe('without a tile provider (development, tests): the stand-in', () => {
  const { app } = useTestApp()

  it('points the H5 map at the BFF’s own stand-in tiles, in GCJ-02, saying they are a stand-in', async () => {
    const response = await app.inject('/api/map/settings')
    expect(response.statusCode).toBe(200)
    const settings = response.json()
    expect(settings.tiles).toEqual({
      // A path on the BFF: the app puts its API base in front.
      urlTemplate: '/api/map/stand-in-tiles/{z}/{x}/{y}.png',
      subdomains: [],
      attribution: expect.stringContaining('替身'),
      minZoom: 3,
      maxZoom: 18,
      datum: 'gcj02',
    })
  })

  it('serves every tile the template names as a 256×256 PNG: a light background with a faint grid', async () => {
    const template = (await app.inject('/api/map/settings')).json().tiles.urlTemplate as string
    const tilePath = template.replace('{z}', '12').replace('{x}', '3391').replace('{y}', '1507')
    const response = await app.inject(tilePath)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('image/png')
    const png = response.rawPayload
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
    const image = await decode(png)
    expect(image).toMatchObject({ width: 256, height: 256 })
    // Mostly background, with a one-pixel grid line every 32 pixels each way; both light.
    expect(image.counts).toEqual([248 * 248, 256 * 256 - 248 * 248])
    for (const colour of image.colours) expect(Math.min(...Buffer.from(colour, 'hex'))).toBeGreaterThan(0xc0)
    expect(response.headers['cache-control']).toContain('max-age')
    // The same image for every tile.
    expect((await app.inject('/api/map/stand-in-tiles/0/0/0.png')).rawPayload).toEqual(png)
  })

  it.each([
    ['a zoom level beyond 22', '/api/map/stand-in-tiles/23/0/0.png', 'z'],
    ['a negative zoom level', '/api/map/stand-in-tiles/-1/0/0.png', 'z'],
    ['a column outside the grid of its zoom level', '/api/map/stand-in-tiles/2/4/0.png', 'x'],
    ['a row outside the grid of its zoom level', '/api/map/stand-in-tiles/2/0/4.png', 'y'],
    ['a column that is not a number', '/api/map/stand-in-tiles/2/east/0.png', 'x'],
  ])('answers 400 naming the coordinate for %s', async (_label, url, field) => {
    const response = await app.inject(url)
    expect(response.statusCode).toBe(400)
    const body = response.json()
    expect(body.field).toBe(field)
    expect(body.message).toMatch(/^[^()]*[\u4e00-\u9fff][^()]*$/) // a Chinese sentence; the English goes to detail
    expect(body.detail).toContain(field)
  })

  it('allows images only from itself (and data:, blob:) in the Content-Security-Policy', async () => {
    const csp = (await app.inject('/api/map/settings')).headers['content-security-policy'] as string
    expect(csp).toMatch(/img-src 'self' data: blob:;/)
  })
})

describe('with a tile provider', () => {
  const tiles = providerTiles({
    urlTemplate: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=key',
    subdomains: ['0', '1', '2'],
    attribution: '天地图 GS(2024)0568号',
    datum: 'wgs84',
    minZoom: 5,
    maxZoom: 18,
  })
  const { app } = useTestApp({ mapTiles: { kind: 'provider', tiles } })

  it('answers the configured tiles and datum', async () => {
    const response = await app.inject('/api/map/settings')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ tiles })
  })

  it('lets the H5 page load tiles from every subdomain of the provider', async () => {
    const csp = (await app.inject('/api/map/settings')).headers['content-security-policy'] as string
    const imgSrc = /img-src ([^;]*)/.exec(csp)![1].split(' ')
    expect(imgSrc).toEqual(["'self'", 'data:', 'blob:', 'https://t0.tianditu.gov.cn', 'https://t1.tianditu.gov.cn', 'https://t2.tianditu.gov.cn'])
    // Every answer carries it, the H5 page's at '/' too.
    expect((await app.inject('/')).headers['content-security-policy']).toBe(csp)
  })

  it('serves no stand-in tiles', async () => {
    expect((await app.inject('/api/map/stand-in-tiles/0/0/0.png')).statusCode).toBe(404)
  })
})

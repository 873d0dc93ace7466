import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { buildTestApp, TEST_JWT_SECRET, useTestApp } from '../../../../test/support/test-app'
import { insertTestComplaint } from '../test-fixtures'
import { localDirectoryStorage } from './local-storage'
import { deleteOrphanPhotos } from './orphan-cleanup'
import { signPhotoUrl } from './photo-urls'
import { GPS_INFO_TAG, ifd0Tags, jpegWithGps, multipart, photoPart, pngImage, webpImage } from '../../../shared/images/test-images'

const { app, testDb } = useTestApp()
let photoDir: string

beforeAll(async () => {
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-photo-test-'))
  app.settings.complaints.photoStorage = localDirectoryStorage(photoDir)
})

afterAll(async () => {
  fs.rmSync(photoDir, { recursive: true, force: true })
})

async function upload(data: Buffer | string, filename?: string, contentType?: string) {
  const { payload, headers } = photoPart(data, filename, contentType)
  return app.inject({ method: 'POST', url: '/api/complaints/photos', payload, headers })
}

async function storedFile(photoId: string): Promise<Buffer> {
  const row = await app.database.db.selectFrom('complaintPhotos').select('storageKey').where('id', '=', photoId).executeTakeFirstOrThrow()
  return fs.readFileSync(path.join(photoDir, row.storageKey))
}

async function attach(photoId: string) {
  const complaint = await insertTestComplaint(app.database.db)
  await app.database.db.updateTable('complaintPhotos').set({ complaintId: complaint.id }).where('id', '=', photoId).execute()
}

describe('POST /api/complaints/photos', () => {
  it('stores a JPEG without its EXIF (GPS, camera), XMP or ICC profile, turned upright', async () => {
    const original = await jpegWithGps()
    const before = await sharp(original).metadata()
    expect(ifd0Tags(before.exif!).has(GPS_INFO_TAG)).toBe(true)
    expect(before.xmp).toBeDefined()

    const res = await upload(original, 'IMG_0001.JPG')
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toEqual({ photoId: expect.any(String), bytes: expect.any(Number), contentType: 'image/jpeg' })

    const stored = await storedFile(body.photoId)
    expect(stored.length).toBe(body.bytes)
    expect(stored.toString('latin1')).not.toContain('TestPhone')
    const after = await sharp(stored).metadata()
    expect(after.format).toBe('jpeg')
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.icc).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    // Orientation 6 was applied to the pixels: 64×48 stored sideways is 48×64 upright.
    expect([after.width, after.height]).toEqual([48, 64])

    const row = await app.database.db.selectFrom('complaintPhotos').selectAll().where('id', '=', body.photoId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ complaintId: null, additionId: null, contentType: 'image/jpeg', bytes: body.bytes })
    expect(row.storageKey).toMatch(/^complaints\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.jpg$/)
  })

  it('accepts PNG and WebP whatever their names say, and stores them in their own format', async () => {
    const png = await upload(await pngImage(), 'no-extension', 'application/octet-stream')
    expect(png.statusCode).toBe(201)
    expect(png.json().contentType).toBe('image/png')
    expect((await sharp(await storedFile(png.json().photoId)).metadata()).format).toBe('png')

    const webp = await upload(await webpImage(), 'photo.jpg', 'image/jpeg')
    expect(webp.statusCode).toBe(201)
    expect(webp.json().contentType).toBe('image/webp')
    const stored = await sharp(await storedFile(webp.json().photoId)).metadata()
    expect(stored.format).toBe('webp')
    expect(stored.exif).toBeUndefined()
  })

  it('rejects a text file named .jpg and declared image/jpeg', async () => {
    const res = await upload('这不是图片 — just some text pretending to be a photo', 'photo.jpg', 'image/jpeg')
    expect(res.statusCode).toBe(415)
    expect(res.json()).toMatchObject({ statusCode: 415, field: 'photo' })
    expect(res.json().message).toContain('只支持 JPEG、PNG、WebP 图片')
  })

  it('rejects a file that starts like a JPEG but is not one', async () => {
    const res = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]))
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe('photo')
  })

  it('answers 413 for a photo over 8 MB', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(8 * 1024 * 1024)])
    const res = await upload(big)
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large', field: 'photo' })
  })

  it('names the field when the file is missing, misnamed or not multipart', async () => {
    const misnamed = multipart([{ name: 'file', filename: 'a.png', contentType: 'image/png', data: await pngImage() }])
    const res1 = await app.inject({ method: 'POST', url: '/api/complaints/photos', ...misnamed })
    expect(res1.statusCode).toBe(400)
    expect(res1.json().field).toBe('photo')

    const noFile = multipart([{ name: 'note', data: 'hello' }])
    const res2 = await app.inject({ method: 'POST', url: '/api/complaints/photos', ...noFile })
    expect(res2.statusCode).toBe(400)
    expect(res2.json().field).toBe('photo')

    const json = await app.inject({ method: 'POST', url: '/api/complaints/photos', payload: { photo: 'x' } })
    expect(json.statusCode).toBe(415)
    expect(json.json().field).toBe('photo')
  })
})

describe('GET /api/complaints/photos/:id', () => {
  it('serves an attached photo through a signed link, privately cached', async () => {
    const uploaded = (await upload(await jpegWithGps())).json()
    await attach(uploaded.photoId)
    const res = await app.inject({ method: 'GET', url: signPhotoUrl(TEST_JWT_SECRET, uploaded.photoId) })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/jpeg')
    expect(res.headers['cache-control']).toBe('private, max-age=600')
    expect(res.rawPayload.equals(await storedFile(uploaded.photoId))).toBe(true)
  })

  it('refuses a tampered, expired or borrowed signature with 403', async () => {
    const a = (await upload(await pngImage())).json().photoId as string
    const b = (await upload(await pngImage())).json().photoId as string
    await attach(a)
    await attach(b)
    const url = signPhotoUrl(TEST_JWT_SECRET, a)
    const sig = new URL(url, 'http://x').searchParams.get('sig')!
    const tampered = url.replace(`sig=${sig}`, `sig=${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`)
    const laterExpiry = url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 3600}`)
    const expired = signPhotoUrl(TEST_JWT_SECRET, a, Date.now() - 3600_000, 60)
    const otherPhoto = url.replace(a, b)
    const otherSecret = signPhotoUrl('another-secret-that-is-long-enough-for-hs256', a)
    for (const bad of [tampered, laterExpiry, expired, otherPhoto, otherSecret]) {
      const res = await app.inject({ method: 'GET', url: bad })
      expect(res.statusCode).toBe(403)
      expect(res.json().statusCode).toBe(403)
    }
    const unsigned = await app.inject({ method: 'GET', url: `/api/complaints/photos/${a}` })
    expect(unsigned.statusCode).toBe(400)
  })

  it('never serves a photo no complaint has attached, even with a valid signature', async () => {
    const orphan = (await upload(await pngImage())).json().photoId as string
    const res = await app.inject({ method: 'GET', url: signPhotoUrl(TEST_JWT_SECRET, orphan) })
    expect(res.statusCode).toBe(404)
    const unknown = await app.inject({ method: 'GET', url: signPhotoUrl(TEST_JWT_SECRET, '00000000-0000-4000-8000-000000000000') })
    expect(unknown.statusCode).toBe(404)
  })
})

describe('orphan photos', () => {
  it('are deleted with their files after 24 hours; attached and recent ones stay', async () => {
    const { db } = app.database
    const ids = await Promise.all([1, 2, 3].map(async () => (await upload(await pngImage())).json().photoId as string))
    const [oldOrphan, recentOrphan, oldAttached] = ids
    await attach(oldAttached)
    await db
      .updateTable('complaintPhotos')
      .set({ uploadedAt: new Date(Date.now() - 25 * 3600_000).toISOString() })
      .where('id', 'in', [oldOrphan, oldAttached])
      .execute()
    const oldKey = (await db.selectFrom('complaintPhotos').select('storageKey').where('id', '=', oldOrphan).executeTakeFirstOrThrow()).storageKey

    expect(await deleteOrphanPhotos(app)).toBe(1)
    const left = await db.selectFrom('complaintPhotos').select('id').where('id', 'in', ids).execute()
    expect(left.map((r) => r.id).sort()).toEqual([recentOrphan, oldAttached].sort())
    expect(fs.existsSync(path.join(photoDir, oldKey))).toBe(false)
    expect(await deleteOrphanPhotos(app)).toBe(0)
  })
})

describe('upload rate limit', () => {
  it('allows 60 uploads an hour from one address, then 429', async () => {
    const { app: fresh } = await buildTestApp(testDb)
    try {
      for (let i = 0; i < 60; i += 1) {
        const res = await fresh.inject({ method: 'POST', url: '/api/complaints/photos', payload: { photo: 'x' } })
        expect(res.statusCode).toBe(415)
      }
      const limited = await fresh.inject({ method: 'POST', url: '/api/complaints/photos', payload: { photo: 'x' } })
      expect(limited.statusCode).toBe(429)
      expect(limited.json().message).toContain('请求过于频繁')
    } finally {
      await fresh.close()
    }
  })
})

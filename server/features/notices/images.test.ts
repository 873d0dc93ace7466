import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { localDirectoryStorage } from '../complaints/photos/local-storage'
import { GPS_INFO_TAG, ifd0Tags, jpegWithGps, multipart, pngImage } from '../../shared/images/test-images'
import { signNoticeImageUrl } from './image-urls'
import { aNotice, anEdit, committeeMember, linkedParent, openNotice, posted, seedInstitutions, type Headers } from './test-fixtures'
import { TEST_JWT_SECRET, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let imageDir: string
let inst: Awaited<ReturnType<typeof seedInstitutions>>

beforeAll(async () => {
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-notice-images-'))
  app.settings.complaints.photoStorage = localDirectoryStorage(imageDir)
  inst = await seedInstitutions(app)
})

afterAll(async () => {
  fs.rmSync(imageDir, { recursive: true, force: true })
})

async function upload(headers: Headers, data: Buffer | string, filename = 'photo.jpg', contentType = 'image/jpeg', field = 'image') {
  const body = multipart([{ name: field, filename, contentType, data }])
  return app.inject({ method: 'POST', url: '/api/notices/images', payload: body.payload, headers: { ...body.headers, ...headers } })
}

async function storedFile(imageId: string): Promise<{ key: string; bytes: Buffer }> {
  const row = await app.database.db.selectFrom('noticeImages').select('storageKey').where('id', '=', imageId).executeTakeFirstOrThrow()
  return { key: row.storageKey, bytes: fs.readFileSync(path.join(imageDir, row.storageKey)) }
}

describe('POST /api/notices/images', () => {
  it('stores a JPEG without its EXIF (GPS, camera) under notices/YYYY/MM/', async () => {
    const member = await committeeMember(app, inst.a)
    const original = await jpegWithGps()
    expect(ifd0Tags((await sharp(original).metadata()).exif!).has(GPS_INFO_TAG)).toBe(true)
    const res = await upload(member.headers, original)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ id: expect.any(String), bytes: expect.any(Number), contentType: 'image/jpeg' })
    const stored = await storedFile(res.json().id)
    expect(stored.key).toMatch(/^notices\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.jpg$/)
    expect(stored.bytes.toString('latin1')).not.toContain('TestPhone')
    const after = await sharp(stored.bytes).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
  })

  it('rejects a renamed non-image (415), a wrong field (400) and anyone but a committee member (403)', async () => {
    const member = await committeeMember(app, inst.a)
    const renamed = await upload(member.headers, '%PDF-1.4 not an image at all', 'photo.jpg', 'image/jpeg')
    expect(renamed.statusCode).toBe(415)
    expect(renamed.json().field).toBe('image')
    const wrongField = await upload(member.headers, await pngImage(), 'a.png', 'image/png', 'photo')
    expect(wrongField.statusCode).toBe(400)
    expect(wrongField.json().field).toBe('image')
    const parent = await linkedParent(app, inst.a)
    expect((await upload(parent.headers, await pngImage())).statusCode).toBe(403)
  })
})

describe('images in notices', () => {
  it("attaches your uploads once, serves them through signed links, and refuses others' images", async () => {
    const member = await committeeMember(app, inst.a)
    const imageId = (await upload(member.headers, await pngImage(), 'x.png', 'image/png')).json().id as string
    // Not attached yet: not served even with a valid signature.
    expect((await app.inject({ method: 'GET', url: signNoticeImageUrl(TEST_JWT_SECRET, imageId) })).statusCode).toBe(404)

    const colleague = await committeeMember(app, inst.a)
    const theirs = await app.inject({
      method: 'POST',
      url: `/api/institutions/${inst.a}/notices`,
      headers: colleague.headers,
      payload: aNotice({ imageIds: [imageId] }),
    })
    expect(theirs.statusCode).toBe(400)
    expect(theirs.json().field).toBe('imageIds')

    const id = await posted(app, member.headers, inst.a, aNotice({ imageIds: [imageId] }))
    const again = await app.inject({
      method: 'POST',
      url: `/api/institutions/${inst.a}/notices`,
      headers: member.headers,
      payload: aNotice({ imageIds: [imageId] }),
    })
    expect(again.json().field).toBe('imageIds')

    const parent = await linkedParent(app, inst.a)
    const notice = (await openNotice(app, parent.headers, id)).json()
    expect(notice.images).toEqual([{ id: imageId, url: expect.stringMatching(/^\/api\/notices\/images\//) }])
    const served = await app.inject({ method: 'GET', url: notice.images[0].url })
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/png')
    expect(served.rawPayload.equals((await storedFile(imageId)).bytes)).toBe(true)
    // One character of the signature changed (never to itself: a signature may start with any base64url character).
    const tampered = notice.images[0].url.replace(/sig=(.)/, (_: string, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`)
    expect((await app.inject({ method: 'GET', url: tampered })).statusCode).toBe(403)
    // A complaint-photo signature does not open a notice image.
    expect((await app.inject({ method: 'GET', url: notice.images[0].url.replace('/notices/images/', '/complaints/photos/') })).statusCode).toBe(403)

    // An edit that drops the image detaches it.
    const edited = await app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers: member.headers, payload: anEdit({ imageIds: [] }) })
    expect(edited.json().images).toEqual([])
  })
})

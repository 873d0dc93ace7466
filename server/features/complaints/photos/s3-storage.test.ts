import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import S3rver from 's3rver'
import { s3Storage, type S3StorageConfig } from './s3-storage'

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

// s3rver is an S3-compatible HTTP server (the S3 REST API over real HTTP, objects on disk), run in-process. It does not check signatures.
describe('S3-compatible photo storage (against s3rver)', () => {
  let server: S3rver
  let directory: string
  let storage: ReturnType<typeof s3Storage>
  let config: S3StorageConfig

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-s3rver-'))
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'complaint-photos' }] })
    const { port } = await server.run()
    config = {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'ap-beijing',
      bucket: 'complaint-photos',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    }
    storage = s3Storage(config)
  })

  afterAll(async () => {
    storage.destroy()
    await server.close()
    fs.rmSync(directory, { recursive: true, force: true })
  })

  it('puts, gets and deletes a photo', async () => {
    const key = 'complaints/2026/11/0b6f3c1e-4d7a-4b8e-9a51-2f0d3c4b5a69.jpg'
    const body = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5])
    await storage.put(key, body, 'image/jpeg')

    const stream = await storage.get(key)
    expect(stream).not.toBeNull()
    expect((await readAll(stream!)).equals(body)).toBe(true)

    await storage.delete(key)
    expect(await storage.get(key)).toBeNull()
    // Deleting again is not an error (the orphan cleanup may retry).
    await storage.delete(key)
  })

  it('answers null for a key that was never stored', async () => {
    expect(await storage.get('complaints/2026/11/missing.png')).toBeNull()
  })

  it('fails loudly when the bucket does not exist (a misconfiguration is not a missing photo)', async () => {
    const wrong = s3Storage({ ...config, bucket: 'no-such-bucket' })
    await expect(wrong.put('complaints/x.png', Buffer.from('x'), 'image/png')).rejects.toThrow(/bucket/i)
    await expect(wrong.get('complaints/x.png')).rejects.toThrow(/bucket/i)
    wrong.destroy()
  })
})

import type { Readable } from 'node:stream'

/** Where complaint photos live: a local directory by default, S3-compatible object storage (COS, OSS, MinIO) in production. */
export interface PhotoStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>
  get(key: string): Promise<Readable | null>
  delete(key: string): Promise<void>
}

import type { Readable } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { PhotoStorage } from './storage'

export interface S3StorageConfig {
  /** e.g. https://cos.ap-beijing.myqcloud.com, https://oss-cn-beijing.aliyuncs.com, http://minio:9000 */
  endpoint: string
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  /** bucket in the path instead of the host name: MinIO needs it; OSS refuses it. */
  forcePathStyle: boolean
}

/** Photos in an S3-compatible bucket (Tencent COS, Alibaba OSS, MinIO). The bucket should be private: photos go out only through the BFF. */
export function s3Storage(config: S3StorageConfig): PhotoStorage & { destroy(): void } {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // The SDK's default CRC checksums on every request are not understood by every S3-compatible service.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = config.bucket
  return {
    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }))
    },
    async get(key): Promise<Readable | null> {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }))
        // In Node the body is an http.IncomingMessage (a Readable).
        return (object.Body as Readable | undefined) ?? null
      } catch (error) {
        // Only a missing object; a missing bucket (also a 404) is a misconfiguration and must surface.
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null
        throw error
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
    destroy: () => client.destroy(),
  }
}

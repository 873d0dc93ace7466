import sharp from 'sharp'

export const GPS_INFO_TAG = 0x8825
const ORIENTATION_ROTATE_90 = 6

/** The tag ids of IFD0 in an EXIF block as sharp's metadata() returns it ("Exif\0\0" then a TIFF header). */
export function ifd0Tags(exif: Buffer): Set<number> {
  const tiff = exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd = u32(4)
  const tags = new Set<number>()
  for (let i = 0; i < u16(ifd); i += 1) tags.add(u16(ifd + 2 + i * 12))
  return tags
}

/** 64×48 pixels stored sideways (orientation 6), with a camera make, a GPS position in EXIF and in XMP, and an ICC profile. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .jpeg()
    .withMetadata({ orientation: ORIENTATION_ROTATE_90 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Secret Model 9' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 52/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '125/1 19/1 0/1' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="43,52.5N"/></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer()
}

export const pngImage = () =>
  sharp({ create: { width: 20, height: 10, channels: 4, background: { r: 0, g: 128, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer()
export const webpImage = () =>
  sharp({ create: { width: 20, height: 10, channels: 3, background: '#3c3' } })
    .webp()
    .withExif({ IFD0: { Make: 'TestPhone' } })
    .toBuffer()

/** A multipart/form-data body as a browser or wx.uploadFile sends it. */
export function multipart(parts: Array<{ name: string; filename?: string; contentType?: string; data: Buffer | string }>) {
  const boundary = `----tuoyu-test-${Date.now().toString(36)}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`
    chunks.push(Buffer.from(head), Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export const photoPart = (data: Buffer | string, filename = 'photo.jpg', contentType = 'image/jpeg') =>
  multipart([{ name: 'photo', filename, contentType, data }])

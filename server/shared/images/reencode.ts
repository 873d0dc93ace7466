import type { ImageType } from './image-type'

export const MAX_DIMENSION = 4096
// A small file can decode to a huge bitmap ("decompression bomb"): refuse beyond about 100 megapixels.
const MAX_INPUT_PIXELS = 100_000_000

export class UnreadableImageError extends Error {}

/**
 * Decodes and encodes the image again in its own format. sharp writes no metadata unless asked, so EXIF (with GPS),
 * XMP, IPTC, ICC profiles and comments are all dropped; `.rotate()` first bakes the EXIF orientation into the pixels.
 */
export async function reencodeWithoutMetadata(input: Buffer, type: ImageType): Promise<Buffer> {
  // Loaded with the first image rather than at start: its native library takes about 0.05 s to load.
  const { default: sharp } = await import('sharp')
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_DIMENSION, height: MAX_DIMENSION, fit: 'inside', withoutEnlargement: true })
    if (type === 'jpeg') return await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
    if (type === 'png') return await image.png({ compressionLevel: 9 }).toBuffer()
    return await image.webp({ quality: 85 }).toBuffer()
  } catch (error) {
    throw new UnreadableImageError(error instanceof Error ? error.message : String(error))
  }
}

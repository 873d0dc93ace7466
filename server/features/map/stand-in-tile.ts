import { deflateSync } from 'node:zlib'

const SIZE = 256
const BACKGROUND = [0xf4, 0xf1, 0xea]
const GRID = [0xe0, 0xdc, 0xd2]
const GRID_EVERY = 32

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A 256×256 RGB PNG: a light background with a faint grid, so panning and zooming show. */
function drawTile(): Buffer {
  const stride = 1 + SIZE * 3
  const pixels = Buffer.alloc(stride * SIZE)
  for (let y = 0; y < SIZE; y++) {
    pixels[y * stride] = 0 // filter: none
    for (let x = 0; x < SIZE; x++) {
      const colour = x % GRID_EVERY === 0 || y % GRID_EVERY === 0 ? GRID : BACKGROUND
      pixels.set(colour, y * stride + 1 + x * 3)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits, truecolour, deflate, no filter method, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))])
}

let cached: Buffer | null = null

/** Every stand-in tile is the same image, drawn once. */
export function standInTile(): Buffer {
  cached ??= drawTile()
  return cached
}

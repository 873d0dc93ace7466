import { Image, Text, View } from '@tarojs/components'
import './stats.scss'
import { imageAlt } from '../../../components/a11y'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string: the mini-program has no btoa, and an SVG data URI must be base64 to show there. */
export function base64Ascii(input: string): string {
  let out = ''
  for (let i = 0; i < input.length; i += 3) {
    const [a, b, c] = [input.charCodeAt(i), input.charCodeAt(i + 1), input.charCodeAt(i + 2)]
    const triple = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += ALPHABET[(triple >> 18) & 63] + ALPHABET[(triple >> 12) & 63]
    out += i + 1 < input.length ? ALPHABET[(triple >> 6) & 63] : '='
    out += i + 2 < input.length ? ALPHABET[triple & 63] : '='
  }
  return out
}

const RADIUS = 48
export const CIRCUMFERENCE = 2 * Math.PI * RADIUS

/** A ring with the share drawn from 12 o'clock clockwise, as an SVG data URI an Image shows in weapp and H5 alike. */
export function donutDataUri(share: number, color: string, track: string): string {
  const clamped = Math.min(1, Math.max(0, share))
  const arc = (clamped * CIRCUMFERENCE).toFixed(2)
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">` +
    `<circle cx="60" cy="60" r="${RADIUS}" fill="none" stroke="${track}" stroke-width="20"/>` +
    `<circle cx="60" cy="60" r="${RADIUS}" fill="none" stroke="${color}" stroke-width="20" stroke-dasharray="${arc} ${CIRCUMFERENCE.toFixed(2)}" transform="rotate(-90 60 60)"/>` +
    `</svg>`
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`
}

type Props = {
  share: number
  /** In the middle of the ring, e.g. "45.7%". */
  centre: string
  /** The same figures as a sentence, beside the ring: readable without colour and by a screen reader. */
  legend: string
  label: string
}

export function DonutChart({ share, centre, legend, label }: Props) {
  return (
    <View className='donut' role='figure' aria-label={label}>
      <View className='donut__ring'>
        <Image className='donut__image' src={donutDataUri(share, '#1b8a5a', '#e4e8ee')} mode='aspectFit' {...imageAlt()} />
        <Text className='donut__centre'>{centre}</Text>
      </View>
      <Text className='donut__legend'>{legend}</Text>
    </View>
  )
}

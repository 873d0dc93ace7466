import type { ParentingClassDetail } from '../../../types/classes'

/** 2026-12-05T06:00:00.000Z → 20261205T060000Z (UTC, as RFC 5545 FORM #2). */
const utcStamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/**
 * Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character (Chinese characters
 * take three octets each).
 */
function fold(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    const limit = parts.length === 0 ? 75 : 74 // continuation lines start with the space
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** One class as an iCalendar file (RFC 5545): the H5 app's "add to calendar" downloads it. */
export function classCalendar(c: ParentingClassDetail, updatedAt: string, sequence: number, now = new Date()): string {
  const location = c.mode === 'online' ? `线上：${c.venue}` : [c.venue, c.address].filter(Boolean).join('，')
  const description = [`${c.centre.name}（${c.centre.phone}）`, `主讲：${c.speaker}`, `适合 ${c.minAgeMonths}–${c.maxAgeMonths} 个月`, c.description]
    .filter(Boolean)
    .join('\n')
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Jilin Tuoyu//Parenting classes//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    // Stable per class: re-downloading after a change updates the same calendar entry.
    `UID:class-${c.id}@jilin-tuoyu`,
    `DTSTAMP:${utcStamp(now.toISOString())}`,
    `LAST-MODIFIED:${utcStamp(updatedAt)}`,
    `SEQUENCE:${sequence}`,
    `DTSTART:${utcStamp(c.startsAt)}`,
    `DTEND:${utcStamp(c.endsAt)}`,
    `SUMMARY:${text(c.status === 'cancelled' ? `【已取消】${c.title}` : c.title)}`,
    `LOCATION:${text(location)}`,
    `DESCRIPTION:${text(description)}`,
    ...(c.mode === 'offline' && c.lat !== null && c.lng !== null ? [`GEO:${c.lat};${c.lng}`] : []),
    `STATUS:${c.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${text(c.title)}`,
    'TRIGGER:-PT1H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(fold).join('\r\n')}\r\n`
}

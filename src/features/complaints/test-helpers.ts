import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { server } from '../../../mock/handlers/server'

/**
 * A small PNG as the H5 chooseImage hands it over (tempFiles[].originalFileObj). A Blob rather than jsdom's File:
 * jest-fixed-jsdom gives Node's FormData, which takes Node's Blob only (in a browser a File is a Blob).
 */
export function pngFile(_name = 'photo.png'): Blob {
  return new Blob([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0])], { type: 'image/png' })
}

/** The next Taro.chooseImage returns these files (size may be overridden to imitate a large photo). */
export function chooseReturns(files: Blob[], size?: number): void {
  ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({
    errMsg: 'chooseImage:ok',
    tempFilePaths: files.map((_, i) => `blob:photo-${i}`),
    tempFiles: files.map((file, i) => ({ path: `blob:photo-${i}`, size: size ?? file.size, originalFileObj: file })),
  })
}

export type SeenComplaintRequest = { method: string; path: string; headers: Record<string, string | null>; body: unknown }

/** Every /api/complaints… request with the headers that matter here and its JSON body. */
export function recordComplaintRequests(): SeenComplaintRequest[] {
  const seen: SeenComplaintRequest[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    const path = url.pathname.replace(/^\/api/, '')
    if (!/^\/(complaints|me\/complaints)/.test(path)) return
    const entry: SeenComplaintRequest = {
      method: request.method,
      path,
      headers: {
        'idempotency-key': request.headers.get('idempotency-key'),
        'x-complaint-secret': request.headers.get('x-complaint-secret'),
        authorization: request.headers.get('authorization'),
      },
      body: undefined,
    }
    seen.push(entry)
    if (request.method === 'POST' && !path.endsWith('/photos')) {
      void request
        .clone()
        .text()
        .then((text) => {
          entry.body = text ? JSON.parse(text) : undefined
        })
        .catch(() => undefined)
    }
  })
  return seen
}

export const twoDaysAgo = () => dayjs().subtract(2, 'day').hour(14).minute(30)

/** Finds a tracking number or secret shown in groups (TrackingCode): its text is the whole code across the groups. */
export const shownCode =
  (code: string) =>
  (_: string, element: Element | null): boolean =>
    Boolean(element?.classList.contains('tracking-code') && element.textContent === code)

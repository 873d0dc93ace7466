import { http, HttpResponse } from 'msw'
import { closedComplaintFixture, complaintListFixture, filedFixture, openComplaintFixture, uploadedPhotoFixture } from '../fixtures/app/complaints'

const api = (path: string) => `*/api${path}`
const noContent = () => new HttpResponse(null, { status: 204 })
// The smallest JPEG-ish body: enough for an <img> to ask and get an image back.
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xd9])

/** The complaint endpoints answered with fixtures (types/complaints.ts). */
export const complaintHandlers = [
  http.post(api('/complaints/photos'), () => HttpResponse.json(uploadedPhotoFixture(), { status: 201 })),
  http.get(api('/complaints/photos/:id'), () => new HttpResponse(PHOTO, { headers: { 'content-type': 'image/jpeg' } })),
  http.post(api('/complaints/track'), () => HttpResponse.json(closedComplaintFixture.view)),
  http.post(api('/complaints'), () => HttpResponse.json(filedFixture(), { status: 201 })),
  http.get(api('/me/complaints'), () => HttpResponse.json(complaintListFixture([openComplaintFixture()]))),
  http.get(api('/complaints/:trackingNumber'), () => HttpResponse.json(openComplaintFixture())),
  http.post(api('/complaints/:trackingNumber/additions'), noContent),
  http.post(api('/complaints/:trackingNumber/rating'), noContent),
]

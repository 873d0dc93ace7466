import type { UploadPhoto } from '../../services/photo-uploads'
import { uploadPhoto } from './api'

/** Complaint photos (services/photo-uploads) go to /complaints/photos, never with the sign-in token. */
export const uploadComplaintPhoto: UploadPhoto = (image, onProgress) => uploadPhoto(image, onProgress).then((uploaded) => uploaded.photoId)

import { query } from '../../services/server-data'
import { getMapSettings } from './api'

/** Which tiles the H5 map draws changes with a deployment, not while the app is open. */
export const mapSettings = query({ key: ['map', 'settings'], fetch: () => getMapSettings(), staleTime: Infinity })

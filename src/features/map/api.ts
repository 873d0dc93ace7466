import type { MapSettings } from '../../../types/map'
import { apiBaseURL, http } from '../../services/http'

export async function getMapSettings(): Promise<MapSettings> {
  const { data } = await http.get<MapSettings>('/map/settings')
  return data
}

/**
 * The tile URL as the browser must ask for it. A provider's template is absolute; a template starting with `/api/`
 * (the BFF's own stand-in tiles) is on the BFF, which the app reaches at its API base (the page's origin on H5).
 */
export function tileUrl(template: string, base: string = apiBaseURL): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(template) || template.startsWith('//')) return template
  if (template.startsWith('/api/')) return `${base.replace(/\/api\/?$/, '')}${template}`
  return template
}

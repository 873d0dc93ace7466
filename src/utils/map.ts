/** A place to show on a map, in GCJ-02 (as the registry keeps coordinates and every Chinese map expects them). */
export type Place = { lat: number; lng: number; name: string; address?: string }

/** 高德's web map with a marker on the place; on a phone it offers to open the 高德 app. */
export function amapMarkerUrl({ lat, lng, name }: Place): string {
  return `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(name)}&src=jilin-tuoyu&coordinate=gaode&callnative=1`
}

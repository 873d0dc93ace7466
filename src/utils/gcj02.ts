/**
 * WGS-84 (GPS, what a browser's geolocation gives) to GCJ-02, the datum Chinese maps (高德, 腾讯) and WeChat's
 * getFuzzyLocation({ type: 'gcj02' }) / openLocation use, and in which the registry's coordinates are kept.
 * The widely published transform (Krasovsky 1940 ellipsoid; as in eviltransform and coordtransform).
 * It shifts points in Jilin by a few hundred metres; outside China it leaves them alone, as GCJ-02 does.
 */
const A = 6378245.0
const EE = 0.00669342162296594323

function outsideChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function shiftLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function shiftLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

export function wgs84ToGcj02(lat: number, lng: number): { lat: number; lng: number } {
  if (outsideChina(lat, lng)) return { lat, lng }
  const radLat = (lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (shiftLat(lng - 105.0, lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (shiftLng(lng - 105.0, lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

/**
 * GCJ-02 back to WGS-84, for tiles drawn in WGS-84 (天地图's CGCS2000). The transform has no closed inverse: start
 * from the GCJ-02 point and correct by the forward error until it is under a millimetre (three or four rounds).
 */
export function gcj02ToWgs84(lat: number, lng: number): { lat: number; lng: number } {
  if (outsideChina(lat, lng)) return { lat, lng }
  let wgs = { lat, lng }
  for (let round = 0; round < 10; round += 1) {
    const forward = wgs84ToGcj02(wgs.lat, wgs.lng)
    const dLat = lat - forward.lat
    const dLng = lng - forward.lng
    wgs = { lat: wgs.lat + dLat, lng: wgs.lng + dLng }
    if (Math.abs(dLat) < 1e-8 && Math.abs(dLng) < 1e-8) break
  }
  return wgs
}

/**
 * A coarse outline of Jilin Province, clockwise from the northern tip, as [lat, lng] vertices.
 * Traced by hand at roughly 10 km accuracy: good enough to reject coordinates from another province,
 * swapped lat/lng or a missing value, not for deciding cases near the border. Along the Tumen and Yalu
 * rivers the outline errs a few km to the outside so border towns (图们, 临江, 集安, 长白) stay inside.
 */
const JILIN_OUTLINE: ReadonlyArray<readonly [number, number]> = [
  [46.3, 123.0], // 镇赉 north
  [46.1, 123.95], // 嫩江, border with Heilongjiang
  [45.55, 124.42], // 大安
  [45.42, 125.0], // 三岔河
  [45.35, 125.7], // 第二松花江 north of 扶余
  [45.25, 126.2], // mouth of the 拉林河
  [44.95, 126.95], // 拉林河, north of 榆树
  [44.55, 127.55], // 舒兰 north-east
  [44.3, 128.1],
  [44.1, 128.8], // 敦化 north
  [44.05, 129.6],
  [43.9, 130.2], // 汪清 north-east
  [43.45, 131.3], // 珲春, easternmost
  [43.0, 131.05], // border with Russia
  [42.6, 130.75],
  [42.4, 130.6], // 防川, the Tumen mouth
  [42.7, 130.3], // up the Tumen
  [42.92, 129.95], // the Tumen south of 图们
  [42.9, 129.75],
  [42.45, 129.62],
  [42.15, 129.2], // 南坪
  [42.0, 128.6],
  [41.98, 128.05], // 长白山 / source of the Yalu
  [41.35, 128.25], // 长白
  [41.55, 127.5],
  [41.76, 126.92], // 临江
  [41.08, 126.2], // 集安
  [40.85, 125.65], // southernmost
  [41.3, 125.6], // border with Liaoning (桓仁)
  [41.7, 125.35], // 新宾
  [42.15, 125.3], // 清原
  [42.55, 125.05],
  [42.8, 124.8], // 西丰
  [42.98, 124.4], // south of 四平
  [43.1, 123.9],
  [43.35, 123.35], // 双辽
  [43.6, 123.05], // border with Inner Mongolia
  [44.0, 123.2],
  [44.45, 122.15], // 通榆 west
  [44.8, 121.95],
  [45.2, 121.65], // westernmost
  [45.7, 122.2],
  [46.05, 122.55], // east of 乌兰浩特
]

/** Ray casting (even-odd rule) in plain lat/lng: fine at this scale, no projection needed. */
export function isInsideJilin(lat: number, lng: number): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return false
  let inside = false
  for (let i = 0, j = JILIN_OUTLINE.length - 1; i < JILIN_OUTLINE.length; j = i++) {
    const [latI, lngI] = JILIN_OUTLINE[i]
    const [latJ, lngJ] = JILIN_OUTLINE[j]
    const crossesLatitude = latI > lat !== latJ > lat
    if (crossesLatitude && lng < ((lngJ - lngI) * (lat - latI)) / (latJ - latI) + lngI) inside = !inside
  }
  return inside
}

/**
 * A coarse outline of Jilin Province, clockwise from the northern tip, as [lat, lng] vertices.
 * Traced by hand at roughly 10 km accuracy: good enough to reject coordinates from another province,
 * swapped lat/lng or a missing value, not for deciding cases near the border. Along the Tumen and Yalu
 * rivers the outline errs a few km to the outside so border towns (图们, 临江, 集安, 长白) stay inside.
 */
const JILIN_OUTLINE: ReadonlyArray<readonly [number, number]> = [
  [46.30, 123.00], // 镇赉 north
  [46.10, 123.95], // 嫩江, border with Heilongjiang
  [45.55, 124.42], // 大安
  [45.42, 125.00], // 三岔河
  [45.35, 125.70], // 第二松花江 north of 扶余
  [45.25, 126.20], // mouth of the 拉林河
  [44.95, 126.95], // 拉林河, north of 榆树
  [44.55, 127.55], // 舒兰 north-east
  [44.30, 128.10],
  [44.10, 128.80], // 敦化 north
  [44.05, 129.60],
  [43.90, 130.20], // 汪清 north-east
  [43.45, 131.30], // 珲春, easternmost
  [43.00, 131.05], // border with Russia
  [42.60, 130.75],
  [42.40, 130.60], // 防川, the Tumen mouth
  [42.70, 130.30], // up the Tumen
  [42.92, 129.95], // the Tumen south of 图们
  [42.90, 129.75],
  [42.45, 129.62],
  [42.15, 129.20], // 南坪
  [42.00, 128.60],
  [41.98, 128.05], // 长白山 / source of the Yalu
  [41.35, 128.25], // 长白
  [41.55, 127.50],
  [41.76, 126.92], // 临江
  [41.08, 126.20], // 集安
  [40.85, 125.65], // southernmost
  [41.30, 125.60], // border with Liaoning (桓仁)
  [41.70, 125.35], // 新宾
  [42.15, 125.30], // 清原
  [42.55, 125.05],
  [42.80, 124.80], // 西丰
  [42.98, 124.40], // south of 四平
  [43.10, 123.90],
  [43.35, 123.35], // 双辽
  [43.60, 123.05], // border with Inner Mongolia
  [44.00, 123.20],
  [44.45, 122.15], // 通榆 west
  [44.80, 121.95],
  [45.20, 121.65], // westernmost
  [45.70, 122.20],
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

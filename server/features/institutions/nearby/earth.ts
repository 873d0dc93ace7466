/**
 * PostgreSQL earthdistance's arithmetic, operation for operation, so that answers from memory carry the same distances
 * and order as the SQL search: ll_to_earth (a point on a sphere of earth() metres), the cube `<->` chord between two
 * points, and earth_distance (sec_to_gc of that chord).
 */
const EARTH_METRES = 6378168
/** PostgreSQL's RADIANS_PER_DEGREE, as radians() multiplies by it. */
const RADIANS_PER_DEGREE = 0.0174532925199432957692

export type EarthPoint = readonly [number, number, number]

export function llToEarth(lat: number, lng: number): EarthPoint {
  const latRad = lat * RADIANS_PER_DEGREE
  const lngRad = lng * RADIANS_PER_DEGREE
  return [EARTH_METRES * Math.cos(latRad) * Math.cos(lngRad), EARTH_METRES * Math.cos(latRad) * Math.sin(lngRad), EARTH_METRES * Math.sin(latRad)]
}

/** cube_distance: the straight line through the earth, what the GiST index orders by. */
export function chordBetween(points: Float64Array, at: number, to: EarthPoint): number {
  let sum = 0
  for (let axis = 0; axis < 3; axis++) {
    const d = points[at * 3 + axis] - to[axis]
    sum += d * d
  }
  return Math.sqrt(sum)
}

/** sec_to_gc: the great-circle metres of a chord. */
export function chordToMetres(chord: number): number {
  if (chord < 0) return 0
  if (chord / (2 * EARTH_METRES) > 1) return Math.PI * EARTH_METRES
  return 2 * EARTH_METRES * Math.asin(chord / (2 * EARTH_METRES))
}

/** kdbush and geokdbush ship as ES modules only: import() loads them into the CommonJS server (and under jest). */
export async function loadSpatialLibraries() {
  const [{ default: KDBush }, { around }] = await Promise.all([import('kdbush'), import('geokdbush')])
  return { KDBush, around }
}

export type SpatialLibraries = Awaited<ReturnType<typeof loadSpatialLibraries>>

import { Map, View } from '@tarojs/components'
import type { MapProps } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { t } from '../../../i18n'
import type { InstitutionMapProps } from './institution-map-props'
import { MapSelection } from './map-selection'
import { pressable } from '../../../components/a11y'
import './weapp-map.scss'

const MAP_ID = 'institution-map'
/** Copied into the build by config/index.ts: WeChat's map draws a marker from a file. */
const MARKER_ICON = '/assets/map/marker.png'
/** A region change the parent made (begin: gesture; end: drag or scale), not one the app's own update caused. */
const BY_PARENT = ['gesture', 'drag', 'scale']

type Marker = MapProps.marker & { id: number; joinCluster: boolean }
type RegionChange = { type?: string; causedBy?: string; detail?: { type?: string; causedBy?: string } }

/**
 * The finder's map in the mini-program: WeChat's native map, one numbered marker per loaded result (marker n is list
 * item n), clustered when dense; a tapped marker shows its card below. WeChat's map and the registry are both GCJ-02.
 */
export function InstitutionMap({ items, origin, area, onSearchArea, renderCard, footer }: InstitutionMapProps) {
  const context = useRef<Taro.MapContext | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [moved, setMoved] = useState(false)

  useEffect(() => {
    // The map node exists once this render reached the page.
    Taro.nextTick(() => {
      context.current = Taro.createMapContext(MAP_ID)
      context.current.initMarkerCluster({ enableDefaultStyle: true, zoomOnClick: true, gridSize: 60 }).catch(() => {})
    })
  }, [])

  const markers = useMemo<Marker[]>(
    () =>
      items.map((item, index) => ({
        id: index + 1,
        latitude: item.lat,
        longitude: item.lng,
        iconPath: MARKER_ICON,
        width: 24,
        height: 32,
        title: item.name,
        ariaLabel: `${index + 1} ${item.name}`,
        joinCluster: true,
        label: {
          content: String(index + 1),
          color: '#ffffff',
          fontSize: 11,
          anchorX: -4,
          anchorY: -28,
          bgColor: '#00000000',
          borderWidth: 0,
          borderColor: '#00000000',
          borderRadius: 0,
          padding: 0,
          textAlign: 'center',
        },
      })),
    [items],
  )
  // A searched area keeps the parent's view; otherwise the view fits the markers (and the parent's position).
  const includePoints = useMemo(() => {
    if (area) return []
    const points = items.map((item) => ({ latitude: item.lat, longitude: item.lng }))
    return origin?.kind === 'device' && points.length ? [...points, { latitude: origin.lat, longitude: origin.lng }] : points
  }, [items, origin, area])
  const centre = origin ?? (items[0] ? { lat: items[0].lat, lng: items[0].lng } : null)

  const regionChanged = (event: RegionChange) => {
    const type = event.type ?? event.detail?.type
    const causedBy = event.causedBy ?? event.detail?.causedBy ?? ''
    if (type === 'end' && BY_PARENT.includes(causedBy)) setMoved(true)
  }

  const searchHere = async () => {
    if (!context.current) return
    const { southwest, northeast } = await context.current.getRegion()
    setMoved(false)
    setSelectedId(null)
    onSearchArea({ west: southwest.longitude, south: southwest.latitude, east: northeast.longitude, north: northeast.latitude })
  }

  return (
    <View className='institution-map'>
      <View className='institution-map__frame'>
        <Map
          id={MAP_ID}
          className='institution-map__map'
          aria-label={t('map.label')}
          latitude={centre?.lat ?? 43.8868}
          longitude={centre?.lng ?? 125.3245}
          scale={13}
          markers={markers}
          includePoints={includePoints}
          showLocation={origin?.kind === 'device'}
          onMarkerTap={(event) => setSelectedId(items[Number(event.detail.markerId) - 1]?.id ?? null)}
          onRegionChange={(event) => regionChanged(event as unknown as RegionChange)}
          // Required by Taro's types; WeChat draws its own blank map on an error, and the list stays one tap away.
          onError={() => {}}
        />
        {moved ? (
          <View className='institution-map__search' {...pressable('button')} onClick={() => void searchHere()}>
            {t('map.searchArea')}
          </View>
        ) : null}
      </View>
      <MapSelection items={items} selectedId={selectedId} renderCard={renderCard} />
      {footer}
    </View>
  )
}

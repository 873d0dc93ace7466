import { View } from '@tarojs/components'
import type * as Leaflet from 'leaflet'
import type Supercluster from 'supercluster'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { MapTiles } from '../../../../types/map'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { toBbox, type MapArea } from '../../../utils/map-area'
import { searchedAreaToTiles, toTiles, visibleAreaToSearch, type LatLng } from '../datum'
import type { InstitutionMapProps } from './institution-map-props'
import type { MapLibraries } from './map-libraries'
import { MapSelection } from './map-selection'

type Props = InstitutionMapProps & { tiles: MapTiles; libraries: MapLibraries }
type Point = { index: number }
type ClusterProps = { first: number }
type Index = Supercluster<Point, ClusterProps>

/** 长春, when there is nothing else to centre on. */
const PROVINCE_CAPITAL: LatLng = { lat: 43.8868, lng: 125.3245 }
const FIT_PADDING: [number, number] = [36, 36]
const FIT_MAX_ZOOM = 15

/**
 * The view the parent searched last, so the map opens on it again exactly (the finder shows its loading state, and
 * this map is mounted anew, while the area's results load).
 */
let lastSearch: { bbox: string; centre: Leaflet.LatLng; zoom: number } | null = null

export function MapCanvas({ items, origin, area, onSearchArea, renderCard, footer, tiles, libraries }: Props) {
  const { L, Supercluster } = libraries
  const container = useRef<HTMLDivElement | null>(null)
  const mapRef = useRef<Leaflet.Map | null>(null)
  const markers = useRef<Leaflet.LayerGroup | null>(null)
  const tileLayer = useRef<Leaflet.TileLayer | null>(null)
  const index = useRef<Index | null>(null)
  /** While the app moves the map itself (fitting the results), a move is not the parent's. */
  const fitting = useRef(false)
  const viewSet = useRef(false)
  /** The box has had a size: a later resize (the page hidden and shown again) keeps the parent's view. */
  const sized = useRef(false)
  const [moved, setMoved] = useState(false)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [tilesFailed, setTilesFailed] = useState(false)

  // The latest props for Leaflet's handlers, which are attached once.
  const latest = useRef({ items, selectedId, tiles })
  latest.current = { items, selectedId, tiles }

  const drawMarkers = () => {
    const map = mapRef.current
    const layer = markers.current
    // Leaflet knows its bounds only once a view is set (the first fit).
    if (!map || !layer || !index.current || !viewSet.current) return
    // A hidden page's map has no box: keep what was drawn for when it shows again.
    if (!map.getSize().x || !map.getSize().y) return
    // Redrawing replaces every marker: the one the keyboard is on gets the focus back, or Enter would press nothing.
    const pane = map.getContainer()
    const focused = pane.contains(document.activeElement) ? document.activeElement?.getAttribute('aria-label') : null
    layer.clearLayers()
    const bounds = map.getBounds().pad(0.25)
    const zoom = Math.round(map.getZoom())
    const features = index.current.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom)
    const first = (feature: (typeof features)[number]) => ('cluster' in feature.properties ? feature.properties.first : feature.properties.index)
    // In list order, so the keyboard reaches marker 1 first.
    features.sort((a, b) => first(a) - first(b))
    for (const feature of features) {
      const [lng, lat] = feature.geometry.coordinates
      if ('cluster' in feature.properties) {
        const { cluster_id: clusterId, point_count: count } = feature.properties
        const marker = L.marker([lat, lng], {
          icon: L.divIcon({ className: 'map-marker', html: `<span class="map-pin map-pin--cluster">${count}</span>`, iconSize: [40, 40] }),
          title: t('map.cluster', { count }),
        })
        marker.on('click', () => {
          const next = Math.min(index.current?.getClusterExpansionZoom(clusterId) ?? zoom + 1, map.getMaxZoom())
          map.setView([lat, lng], Math.max(next, zoom + 1))
        })
        addAccessibly(marker, layer, t('map.cluster', { count }))
      } else {
        const i = feature.properties.index
        const item = latest.current.items[i]
        const selected = item.id === latest.current.selectedId
        const marker = L.marker([lat, lng], {
          icon: L.divIcon({
            className: 'map-marker',
            html: `<span class="map-pin${selected ? ' map-pin--selected' : ''}">${i + 1}</span>`,
            iconSize: [30, 30],
          }),
          title: item.name,
          zIndexOffset: selected ? 1000 : -i,
        })
        marker.on('click', () => setSelectedId(item.id))
        addAccessibly(marker, layer, t('map.marker', { number: i + 1, name: item.name }), selected)
      }
    }
    if (focused) [...pane.querySelectorAll<HTMLElement>('.leaflet-marker-icon')].find((icon) => icon.getAttribute('aria-label') === focused)?.focus()
  }
  const draw = useRef(drawMarkers)
  draw.current = drawMarkers

  /** Moves the map without it counting as the parent's move. Without animation Leaflet moves at once. */
  const moveQuietly = (move: (map: Leaflet.Map) => void) => {
    const map = mapRef.current
    if (!map) return
    fitting.current = true
    try {
      move(map)
      viewSet.current = true
    } finally {
      fitting.current = false
    }
  }

  const fitResults = (): void =>
    moveQuietly((map) => {
      const datum = latest.current.tiles.datum
      if (area) {
        if (lastSearch?.bbox === toBbox(area)) return map.setView(lastSearch.centre, lastSearch.zoom, { animate: false })
        const onTiles = searchedAreaToTiles(area, datum)
        return map.fitBounds(
          [
            [onTiles.south, onTiles.west],
            [onTiles.north, onTiles.east],
          ],
          { animate: false },
        )
      }
      const points = items.map((item) => toTiles(item, datum))
      if (origin?.kind === 'device') points.push(toTiles(origin, datum))
      if (points.length > 1)
        return map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, animate: false })
      const centre = points[0] ?? toTiles(origin ?? PROVINCE_CAPITAL, datum)
      map.setView([centre.lat, centre.lng], origin || points.length ? 14 : 11, { animate: false })
    })

  const fit = useRef(fitResults)
  fit.current = fitResults
  const remeasure = useRef<() => void>(() => {})
  // Back from an institution's page, the finder's page shows again once its slide-in ends: measure the box then too.
  useDidShow(() => {
    requestAnimationFrame(() => remeasure.current())
    setTimeout(() => remeasure.current(), 400)
  })

  // The map itself, once: tiles, zoom buttons in Chinese, attribution, the markers' layer.
  useEffect(() => {
    if (!container.current) return
    const map = L.map(container.current, { zoomControl: false, minZoom: tiles.minZoom, maxZoom: tiles.maxZoom })
    mapRef.current = map
    L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map)
    const layer = L.tileLayer(tiles.urlTemplate, {
      subdomains: tiles.subdomains,
      attribution: escapeHtml(tiles.attribution),
      minZoom: tiles.minZoom,
      maxZoom: tiles.maxZoom,
    })
    let failed = 0
    layer.on('loading', () => {
      failed = 0
    })
    layer.on('tileerror', () => {
      failed += 1
    })
    // Any tile missing leaves a blank square: say so, with 重试, rather than show a broken map.
    layer.on('load', () => setTilesFailed(failed > 0))
    layer.addTo(map)
    tileLayer.current = layer
    markers.current = L.layerGroup().addTo(map)
    map.on('moveend', () => {
      if (!fitting.current) setMoved(true)
      draw.current()
    })
    // The finder's layout settles after the first paint (or the page was hidden): Leaflet measures its box again, which
    // moves the map without the parent; results fitted into a box that had no size yet are fitted again.
    const measure = () => {
      const { x, y } = map.getSize()
      fitting.current = true
      map.invalidateSize()
      fitting.current = false
      if ((!x || !y) && !sized.current) fit.current()
      sized.current ||= map.getSize().x > 0 && map.getSize().y > 0
      draw.current()
    }
    remeasure.current = measure
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    resize?.observe(container.current)
    return () => {
      remeasure.current = () => {}
      resize?.disconnect()
      map.remove()
      mapRef.current = null
      markers.current = null
      tileLayer.current = null
    }
    // The tiles come from settings that do not change while the app is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The markers: one per loaded result, in the tiles' datum, clustered when dense.
  useEffect(() => {
    const cluster: Index = new Supercluster<Point, ClusterProps>({
      radius: 56,
      maxZoom: tiles.maxZoom - 1,
      map: (point) => ({ first: point.index }),
      reduce: (into, other) => {
        into.first = Math.min(into.first, other.first)
      },
    })
    cluster.load(
      items.map((item, i) => {
        const { lat, lng } = toTiles(item, tiles.datum)
        return { type: 'Feature', properties: { index: i }, geometry: { type: 'Point', coordinates: [lng, lat] } }
      }),
    )
    index.current = cluster
    draw.current()
  }, [items, tiles.datum, tiles.maxZoom, Supercluster])

  useEffect(() => draw.current(), [selectedId])

  // The parent's position, as a dot (not a result: not numbered, not clustered).
  useEffect(() => {
    const map = mapRef.current
    if (!map || origin?.kind !== 'device') return
    const { lat, lng } = toTiles(origin, tiles.datum)
    const dot = L.circleMarker([lat, lng], { radius: 7, color: '#ffffff', weight: 2, fillColor: '#1d5fbf', fillOpacity: 1, interactive: false })
    dot.addTo(map)
    return () => void dot.remove()
  }, [origin, tiles.datum, L])

  // A new set of results (or a searched area opened again) is fitted in view; the area the parent just searched stays.
  const fitKey = area ? `area:${toBbox(area)}` : `results:${items[0]?.id ?? ''}:${origin ? `${origin.lat},${origin.lng}` : ''}`
  useEffect(() => {
    fitResults()
    setMoved(false)
    draw.current()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey])

  const searchHere = () => {
    const map = mapRef.current
    if (!map) return
    const bounds = map.getBounds()
    const visible: MapArea = { west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() }
    const searched = visibleAreaToSearch(visible, tiles.datum)
    lastSearch = { bbox: toBbox(searched), centre: map.getCenter(), zoom: map.getZoom() }
    setMoved(false)
    setSelectedId(null)
    onSearchArea(searched)
  }

  return (
    <View className='institution-map'>
      <View className='institution-map__frame'>
        <div ref={container} className='institution-map__canvas' role='region' aria-label={t('map.label')} />
        {moved ? (
          <button type='button' className='institution-map__search' onClick={searchHere}>
            {t('map.searchArea')}
          </button>
        ) : null}
        {tilesFailed ? (
          <View className='institution-map__tiles-error'>
            <ErrorView
              title={t('map.loadFailed')}
              message={t('map.tilesFailed')}
              onRetry={() => {
                setTilesFailed(false)
                tileLayer.current?.redraw()
              }}
            />
          </View>
        ) : null}
      </View>
      <MapSelection
        items={items}
        selectedId={selectedId}
        renderCard={renderCard}
        close={
          <button type='button' className='institution-map__close' aria-label={t('map.closeCard')} onClick={() => setSelectedId(null)}>
            ×
          </button>
        }
      />
      {footer}
    </View>
  )
}

/** A marker a keyboard reaches (Leaflet makes it a focusable button) with a name a screen reader reads out. */
function addAccessibly(marker: Leaflet.Marker, layer: Leaflet.LayerGroup, name: string, pressed?: boolean) {
  marker.addTo(layer)
  const element = marker.getElement()
  if (!element) return
  element.setAttribute('aria-label', name)
  if (pressed !== undefined) element.setAttribute('aria-pressed', String(pressed))
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    marker.fire('click')
  })
}

/** The attribution is the provider's text, shown as text (Leaflet would take it as HTML). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { MapTiles } from '../../../../types/map'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { tileUrl } from '../api'
import { mapSettings } from '../queries'
import { loadMap } from './map-libraries'
import type { InstitutionMapProps } from './institution-map-props'
import './h5-map.scss'

/**
 * The finder's map on H5: Leaflet over the tile service the BFF names (天地图 or a licensed provider; a stand-in in
 * development). Leaflet is loaded when the map first shows, so the list's first screen does not carry it.
 */
export function InstitutionMap(props: InstitutionMapProps) {
  const settings = useQuery(mapSettings)
  const [loaded, setLoaded] = useState<Awaited<ReturnType<typeof loadMap>> | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    loadMap().then(
      (map) => current && setLoaded(map),
      (error: unknown) => current && setLoadError(error),
    )
    return () => {
      current = false
    }
  }, [attempt])

  const failure = settings.data ? loadError : (settings.error ?? loadError)
  if (failure && (!settings.data || !loaded)) {
    const retry = () => {
      if (!settings.data) void settings.refetch()
      if (loadError) {
        setLoadError(null)
        setAttempt((n) => n + 1)
      }
    }
    return (
      <View className='institution-map'>
        <ErrorView title={t('map.loadFailed')} message={describeError(failure)} onRetry={retry} />
        {props.footer}
      </View>
    )
  }
  if (!settings.data || !loaded) {
    return (
      <View className='institution-map'>
        <View className='institution-map__frame institution-map__frame--loading'>
          <Text>{t('common.loading')}</Text>
        </View>
        {props.footer}
      </View>
    )
  }
  const tiles: MapTiles = { ...settings.data.tiles, urlTemplate: tileUrl(settings.data.tiles.urlTemplate) }
  return <loaded.Canvas {...props} tiles={tiles} libraries={loaded.libraries} />
}

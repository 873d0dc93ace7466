import { ScrollView, View } from '@tarojs/components'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { useQuery } from '../../../services/server-data'
import { statsQuery } from '../queries'
import { useStatsStore } from '../store'
import './stats.scss'
import { scrollRegion } from '../../../components/a11y'

/** 全省 and each 市州, in one row that scrolls sideways on a narrow phone. */
export function RegionChips() {
  const stats = useQuery(statsQuery).data
  const selected = useStatsStore((s) => s.regionCode)
  const selectRegion = useStatsStore((s) => s.selectRegion)
  if (!stats) return null
  const regions = [{ code: stats.province.regionCode, name: t('stats.province') }, ...stats.cities.map((c) => ({ code: c.regionCode, name: c.regionName }))]
  return (
    <ScrollView className='stats__regions' scrollX enableFlex {...scrollRegion(t('stats.regions'))}>
      <View className='stats__regions-row'>
        {regions.map((region) => (
          <Chip key={region.code} selected={region.code === selected} onClick={() => selectRegion(region.code)}>
            {region.name}
          </Chip>
        ))}
      </View>
    </ScrollView>
  )
}

import { ScrollView, View } from '@tarojs/components'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import './bulletins.scss'
import { scrollRegion } from '../../../components/a11y'

export type CityOption = { code: string; name: string }

type Props = { cities: CityOption[]; selected: string | null; onSelect: (code: string | null) => void }

export function CityChips({ cities, selected, onSelect }: Props) {
  return (
    <ScrollView className='bulletins__chips' scrollX enableFlex {...scrollRegion(t('common.byRegion'))}>
      <View className='bulletins__chips-row'>
        <Chip selected={selected === null} onClick={() => onSelect(null)}>
          {t('bulletins.allCities')}
        </Chip>
        {cities.map((city) => (
          <Chip key={city.code} selected={selected === city.code} onClick={() => onSelect(city.code)}>
            {city.name}
          </Chip>
        ))}
      </View>
    </ScrollView>
  )
}

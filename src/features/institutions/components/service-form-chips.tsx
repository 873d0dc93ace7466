import { ScrollView, View } from '@tarojs/components'
import { SERVICE_FORM_OPTIONS } from '../../../utils/enums'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { useInstitutionsStore } from '../store'
import { scrollRegion } from '../../../components/a11y'

export function ServiceFormChips() {
  const selected = useInstitutionsStore((s) => s.filters.serviceForms)
  const toggle = useInstitutionsStore((s) => s.toggleServiceForm)
  return (
    <ScrollView scrollX className='finder__chips' {...scrollRegion(t('filters.serviceForm'))}>
      <View className='finder__chips-row'>
        {SERVICE_FORM_OPTIONS.map((form) => (
          <Chip key={form} className='service-form-chip' selected={selected.includes(form)} onClick={() => void toggle(form)}>
            {t(`enums.serviceForm.${form}`)}
          </Chip>
        ))}
      </View>
    </ScrollView>
  )
}

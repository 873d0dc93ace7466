import { Input, Text, View } from '@tarojs/components'
import { Chip } from '../../../components/chip'
import { t } from '../../../i18n'
import { useRegions } from '../../../services/regions'
import type { DraftTarget, ProviderFields } from '../draft'
import { InstitutionPicker } from './institution-picker'
import { pressable } from '../../../components/a11y'

type Props = {
  target: DraftTarget
  /** The institution picked, the one the form was opened from, or the one in the restored draft. */
  institution: { id: string; name: string } | null
  provider: ProviderFields
  onTarget: (target: DraftTarget) => void
  onProvider: (provider: ProviderFields) => void
}

/** Who the complaint is about: a registered institution (searched here, or the page it was opened from) or a provider typed in. */
export function TargetSection({ target, institution, provider, onTarget, onProvider }: Props) {
  const unlisted = target?.kind === 'provider'
  // Only an unlisted provider needs its 市州.
  const regions = useRegions({ enabled: unlisted })
  const cities = regions.data?.cities ?? []
  const { status } = regions
  const load = () => void regions.refetch()

  return (
    <View className='complaint-form__field'>
      <Text className='complaint-form__label'>{t('complaints.target')}</Text>
      <View className='complaint-form__chips'>
        {institution ? (
          <Chip selected={target?.kind === 'institution'} onClick={() => onTarget({ kind: 'institution', ...institution })}>
            {institution.name}
          </Chip>
        ) : (
          <Chip selected={!unlisted} onClick={() => onTarget(null)}>
            {t('complaints.targetInstitution')}
          </Chip>
        )}
        <Chip selected={unlisted} onClick={() => onTarget({ kind: 'provider' })}>
          {t('complaints.targetUnlisted')}
        </Chip>
      </View>
      {!institution && !unlisted ? <Text className='complaint-form__hint'>{t('complaints.targetChooseHint')}</Text> : null}
      {unlisted ? null : <InstitutionPicker onPick={(picked) => onTarget({ kind: 'institution', ...picked })} />}
      {unlisted ? (
        <View className='complaint-form__provider'>
          <Input
            className='field'
            maxlength={100}
            placeholder={t('complaints.providerName')}
            value={provider.name}
            onInput={(e) => onProvider({ ...provider, name: e.detail.value })}
          />
          <Input
            className='field'
            maxlength={200}
            placeholder={t('complaints.providerAddress')}
            value={provider.address}
            onInput={(e) => onProvider({ ...provider, address: e.detail.value })}
          />
          <Text className='complaint-form__sublabel'>{t('complaints.providerCity')}</Text>
          {status === 'error' ? (
            <View {...pressable('button')} className='complaint-form__link' onClick={load}>
              {t('complaints.regionsFailed')}
            </View>
          ) : null}
          {status === 'loading' ? <Text className='complaint-form__hint'>{t('common.loading')}</Text> : null}
          <View className='complaint-form__chips complaint-form__cities' role='radiogroup' aria-label={t('complaints.providerCity')}>
            {cities.map((city) => (
              <Chip key={city.code} selected={provider.cityCode === city.code} onClick={() => onProvider({ ...provider, cityCode: city.code })}>
                {city.name}
              </Chip>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}

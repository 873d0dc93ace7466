import { View } from '@tarojs/components'
import type { InstitutionSummary } from '../../../../types/institutions'
import { t } from '../../../i18n'
import { useFavouritesStore, useIsFavourite } from '../store'
import { pressable } from '../../../components/a11y'
import './favourites.scss'

export function FavouriteButton({ institution, compact = false }: { institution: InstitutionSummary; compact?: boolean }) {
  const saved = useIsFavourite(institution.id)
  const toggle = useFavouritesStore((s) => s.toggle)
  return (
    <View
      {...pressable('button')}
      aria-pressed={saved}
      className={`fav-btn ${saved ? 'fav-btn--on' : ''} ${compact ? 'fav-btn--compact' : ''}`}
      onClick={() => toggle(institution)}
    >
      {saved ? '♥' : '♡'} {saved ? t('detail.favourited') : t('detail.favourite')}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { InstitutionSummary } from '../../../../types/institutions'
import { EmptyState } from '../../../components/empty-state'
import { InstitutionCard } from '../../../components/institution-card'
import { t } from '../../../i18n'
import { openInstitution } from '../../../utils/routes'
import { formatDate } from '../../../utils/time'
import { useFavouritesStore } from '../store'
import { pressable } from '../../../components/a11y'
import './favourites.scss'

export function FavouriteList({ renderActions }: { renderActions?: (institution: InstitutionSummary) => ReactNode }) {
  const favourites = useFavouritesStore((s) => s.favourites)
  const remove = useFavouritesStore((s) => s.remove)
  if (favourites.length === 0) return <EmptyState title={t('favourites.emptyTitle')} hint={t('favourites.emptyHint')} />
  return (
    <View className='fav-list'>
      {favourites.map(({ institution, savedAt }) => (
        <InstitutionCard
          key={institution.id}
          institution={institution}
          onOpen={openInstitution}
          actions={
            <>
              <Text className='fav-list__saved'>{t('favourites.savedOn', { date: formatDate(savedAt) })}</Text>
              {renderActions?.(institution)}
              <View {...pressable('button')} className='fav-btn fav-btn--compact' onClick={() => remove(institution.id)}>
                {t('favourites.remove')}
              </View>
            </>
          }
        />
      ))}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { ListRow } from '../../../components/list-row'
import { t } from '../../../i18n'
import { useMe } from '../queries'
import './me.scss'

type InstitutionRef = { institutionId: string; name: string }

/** A committee member's role on 我的, with the way into the committee's tools (the page decides where that is). */
export function CommitteeRoles({ onManage }: { onManage: (institution: InstitutionRef) => void }) {
  const grants = useMe(true).data?.grants ?? []
  const institutions = grants
    .filter((grant) => grant.role === 'committee' && grant.institutionId)
    .map((grant) => ({ institutionId: grant.institutionId as string, name: grant.institutionName ?? '' }))
    .filter((item, index, all) => all.findIndex((other) => other.institutionId === item.institutionId) === index)
  if (institutions.length === 0) return null

  return (
    <>
      {institutions.map((institution) => (
        <View key={institution.institutionId} className='list-group committee-role'>
          <View className='committee-role__header'>
            <Text className='committee-role__title'>{t('me.committeeRole')}</Text>
            <Text className='committee-role__institution'>{institution.name}</Text>
          </View>
          <ListRow title={t('me.committeeManage')} onClick={() => onManage(institution)} />
        </View>
      ))}
    </>
  )
}

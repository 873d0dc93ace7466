import { Button, Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { formatAge } from '../../../utils/age'
import { formatMonth } from '../../../utils/time'
import { useChildren } from '../queries'
import { pressable } from '../../../components/a11y'
import './me.scss'

type Props = { onAdd: () => void; onEdit: (id: string) => void }

export function ChildrenSection({ onAdd, onEdit }: Props) {
  // Shown to a signed-in parent only.
  const { data: children = [], status, refetch } = useChildren(true)
  return (
    <Section title={t('children.title')} className='children'>
      {status === 'error' ? (
        <View {...pressable('button')} className='children__empty' onClick={() => void refetch()}>
          {t('children.loadFailed')} · {t('common.retry')}
        </View>
      ) : children.length === 0 ? (
        <Text className='children__empty'>{status === 'loading' ? t('common.loading') : t('children.empty')}</Text>
      ) : (
        children.map((child) => (
          <View {...pressable('button')} key={child.id} className='child-row' onClick={() => onEdit(child.id)}>
            <View className='child-row__main'>
              <Text className='child-row__name'>{child.nickname}</Text>
              <Text className='child-row__age'>{formatAge(child.ageMonths)}</Text>
            </View>
            <Text className='child-row__birth'>
              {formatMonth(child.birthMonth)} · {t('children.edit')} ›
            </Text>
          </View>
        ))
      )}
      <Button className='btn btn--ghost btn--block children__add' onClick={onAdd}>
        {t('children.add')}
      </Button>
    </Section>
  )
}

import { Button, Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { formatAge } from '../../../utils/age'
import { formatMonth } from '../../../utils/time'
import { useMeStore } from '../store'
import './me.scss'

type Props = { onAdd: () => void; onEdit: (id: string) => void }

export function ChildrenSection({ onAdd, onEdit }: Props) {
  const children = useMeStore((s) => s.children)
  const status = useMeStore((s) => s.childrenStatus)
  const loadChildren = useMeStore((s) => s.loadChildren)
  return (
    <Section title={t('children.title')} className='children'>
      {status === 'error' ? (
        <Text className='children__empty' onClick={() => void loadChildren()}>
          {t('children.loadFailed')} · {t('common.retry')}
        </Text>
      ) : children.length === 0 ? (
        <Text className='children__empty'>{status === 'loading' ? t('common.loading') : t('children.empty')}</Text>
      ) : (
        children.map((child) => (
          <View key={child.id} className='child-row' onClick={() => onEdit(child.id)}>
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

import { Label, ScrollView, Switch, Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { InstitutionDetail } from '../../../../types/institutions'
import { SanctionWarning } from '../../../components/sanction-warning'
import { t } from '../../../i18n'
import { openInstitution } from '../../../utils/routes'
import { compareRows, rowDiffers } from '../rows'
import { pressable, scrollRegion, switchName } from '../../../components/a11y'
import './compare.scss'

type Props = { items: InstitutionDetail[]; onRemove: (id: string) => void; renderBadges?: (item: InstitutionDetail) => ReactNode }

export function CompareTable({ items, onRemove, renderBadges }: Props) {
  const [onlyDiff, setOnlyDiff] = useState(false)
  const rows = compareRows.map((row) => ({ row, differs: rowDiffers(row, items) })).filter(({ differs }) => differs || !onlyDiff)

  return (
    <View className='compare'>
      <View className='compare__toolbar'>
        <Label className='compare__toggle'>
          <Text>{t('compare.onlyDiff')}</Text>
          <Switch checked={onlyDiff} color='#1d5fbf' {...switchName(t('compare.onlyDiff'))} onChange={(event) => setOnlyDiff(event.detail.value)} />
        </Label>
      </View>
      {/* Scrolls both ways inside itself, so the names (top) and the row labels (left) can stay in view. */}
      <ScrollView scrollX scrollY className='compare__scroll' {...scrollRegion(t('compare.title'))}>
        <View className='compare-table'>
          <View className='compare-table__row compare-table__row--head'>
            <View className='compare-table__label' />
            {items.map((item) => (
              <View key={item.id} className='compare-table__cell compare-table__column' data-id={item.id}>
                <View {...pressable('link')} className='compare-table__name' onClick={() => openInstitution(item.id)}>
                  {item.name}
                </View>
                {item.isDemo ? <Text className='tag tag--red'>{t('common.demo')}</Text> : null}
                <SanctionWarning warning={item.warning} />
                {renderBadges?.(item)}
                <View {...pressable('button')} className='compare-table__remove' onClick={() => onRemove(item.id)}>
                  {t('compare.remove')}
                </View>
              </View>
            ))}
          </View>
          {rows.map(({ row, differs }) => (
            <View key={row.key} className={`compare-table__row ${differs ? 'compare-table__row--diff' : ''}`} data-row={row.key}>
              <View className='compare-table__label'>
                <Text>{t(row.label)}</Text>
                {differs ? <Text className='compare-table__diff-mark'>{t('compare.differs')}</Text> : null}
              </View>
              {items.map((item) => (
                <View key={item.id} className='compare-table__cell'>
                  {row.value(item).map((line, index) => (
                    <Text key={index} className='compare-table__line'>
                      {line}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { t } from '../../../i18n'
import { MAX_COMPARE, useCompareStore, useInCompare, type CompareCandidate } from '../store'
import { pressable } from '../../../components/a11y'
import './compare.scss'

function useToggle(candidate: CompareCandidate) {
  const selected = useInCompare(candidate.id)
  const { add, remove } = useCompareStore.getState()
  const toggle = () => {
    if (selected) {
      remove(candidate.id)
      return
    }
    if (!add(candidate)) void Taro.showToast({ title: t('compare.full', { max: MAX_COMPARE }), icon: 'none' })
  }
  return { selected, toggle }
}

/** Small toggle on a list card. Its label deliberately differs from the detail page's "加入对比" button. */
export function CompareToggle({ institution }: { institution: CompareCandidate }) {
  const { selected, toggle } = useToggle(institution)
  return (
    <View {...pressable('button')} aria-pressed={selected} className={`compare-toggle ${selected ? 'compare-toggle--on' : ''}`} onClick={toggle}>
      {selected ? `✓ ${t('compare.selected')}` : `+ ${t('compare.short')}`}
    </View>
  )
}

export function CompareButton({ institution }: { institution: CompareCandidate }) {
  const { selected, toggle } = useToggle(institution)
  return (
    <Button className={`btn btn--small ${selected ? 'btn--plain' : 'btn--ghost'} compare-button`} onClick={toggle}>
      {selected ? t('detail.removeCompare') : t('detail.addCompare')}
    </Button>
  )
}

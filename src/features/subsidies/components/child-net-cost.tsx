import { View } from '@tarojs/components'
import { useState } from 'react'
import type { ServiceForm } from '../../../../types/institutions'
import { pressable } from '../../../components/a11y'
import { t } from '../../../i18n'
import { BirthMonthForm, useDeviceBirthMonth } from './birth-month-form'
import { NetCostPanel } from './net-cost-panel'
import './net-cost.scss'

/** A saved child, as the page passes it (the account's children belong to another feature). */
export type CostChild = { id: string; nickname: string; birthMonth: string }

type Props = { institutionId: string; forms: ServiceForm[]; savedChildren: CostChild[] }

/**
 * The net monthly cost at an institution for one child: a signed-in parent picks among their saved children, anyone
 * else gives a birth month kept on the device.
 */
export function ChildNetCost({ institutionId, forms, savedChildren }: Props) {
  const deviceBirthMonth = useDeviceBirthMonth()
  const [chosenId, setChosenId] = useState<string | null>(null)
  const chosen = savedChildren.find((child) => child.id === chosenId) ?? savedChildren[0]

  if (!chosen) {
    return (
      <View className='child-net-cost'>
        <BirthMonthForm submitLabel={t('netCost.submit')} ask={t('netCost.ask')} />
        <NetCostPanel institutionId={institutionId} birthMonth={deviceBirthMonth} forms={forms} />
      </View>
    )
  }
  return (
    <View className='child-net-cost'>
      {savedChildren.length > 1 ? (
        <View className='child-net-cost__children' role='radiogroup' aria-label={t('netCost.whichChild')}>
          {savedChildren.map((child) => (
            <View
              key={child.id}
              {...pressable('radio')}
              aria-checked={child.id === chosen.id}
              className={`net-cost__form ${child.id === chosen.id ? 'net-cost__form--active' : ''}`}
              onClick={() => setChosenId(child.id)}
            >
              {child.nickname}
            </View>
          ))}
        </View>
      ) : null}
      <NetCostPanel institutionId={institutionId} birthMonth={chosen.birthMonth} forms={forms} />
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { ComplaintView } from '../../../../types/complaints'
import { t } from '../../../i18n'
import { formatDateTime } from '../format'

const STEPS = ['submitted', 'accepted', 'assigned', 'in_progress', 'replied', 'closed'] as const
type Step = (typeof STEPS)[number] | 'rejected'

/** 已提交 → 已受理 → 已派单 → 办理中 → 已答复 → 已办结, or 已提交 → 不予受理. */
export function ProgressSteps({ view }: { view: ComplaintView }) {
  const steps: Step[] = view.status === 'rejected' ? ['submitted', 'rejected'] : [...STEPS]
  const current = steps.indexOf(view.status)
  // 已办结 and 不予受理 are ends: nothing is pending any more.
  const finished = view.status === 'closed' || view.status === 'rejected'
  return (
    <View className='steps' role='list' aria-label={t('complaints.status')}>
      {steps.map((step, index) => {
        const at = view.timeline.find((entry) => entry.type === step)?.at ?? (step === 'submitted' ? view.filedAt : undefined)
        const state = index < current || (finished && index === current) ? 'done' : index === current ? 'current' : 'todo'
        return (
          <View
            key={step}
            className={`steps__item steps__item--${state} ${step === 'rejected' ? 'steps__item--rejected' : ''}`}
            role='listitem'
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <View className='steps__dot' />
            <View className='steps__text'>
              <Text className='steps__name'>{t(`complaints.step.${step}`)}</Text>
              {at && state !== 'todo' ? <Text className='steps__time'>{formatDateTime(at)}</Text> : null}
              {step === 'rejected' && view.rejectionReason ? (
                <Text className='steps__reason'>{t('complaints.rejectedReason', { reason: view.rejectionReason })}</Text>
              ) : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}

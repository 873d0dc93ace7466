import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ComplaintView } from '../../../../types/complaints'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { pressable } from '../../../components/a11y'

type Props = { rating: ComplaintView['rating']; onRate: (score: number, comment: string) => Promise<void> }

const stars = (score: number) => '★'.repeat(score) + '☆'.repeat(5 - score)

/** 评价 once the complaint is closed: 1–5 stars and a comment, once. */
export function RatingForm({ rating, onRate }: Props) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const { run, busy, error, setError } = useAction()

  if (rating) {
    return (
      <View className='rating rating--done'>
        <Text className='rating__stars'>{t('complaints.rated', { stars: stars(rating.score) })}</Text>
        {rating.comment ? <Text className='rating__comment'>{rating.comment}</Text> : null}
      </View>
    )
  }

  const submit = async () => {
    if (score < 1) return setError(t('complaints.rateNeedScore'))
    await run(() => onRate(score, comment))
  }

  return (
    <View className='rating'>
      <Text className='complaint-form__hint'>{t('complaints.rateHint')}</Text>
      <View className='rating__picker' role='radiogroup'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`rating__star ${n <= score ? 'rating__star--on' : ''}`}
            {...pressable('radio')}
            aria-checked={n === score}
            aria-label={t('complaints.stars', { score: n })}
            onClick={() => setScore(n)}
          >
            {n <= score ? '★' : '☆'}
          </View>
        ))}
      </View>
      <Textarea
        className='field complaint-form__textarea rating__comment-input'
        maxlength={500}
        placeholder={t('complaints.ratePlaceholder')}
        value={comment}
        onInput={(e) => setComment(e.detail.value)}
      />
      <FormError className='complaint-form__error' message={error} />
      <Button className='btn btn--block' disabled={busy || undefined} onClick={() => void submit()}>
        {t('complaints.rateSubmit')}
      </Button>
    </View>
  )
}

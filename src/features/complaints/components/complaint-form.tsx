import { Button, Input, Label, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect } from 'react'
import { CATEGORY_OPTIONS } from '../constants'
import { Chip } from '../../../components/chip'
import { FormError } from '../../../components/form-error'
import { PhotoGrid } from '../../../components/photo-grid'
import { t } from '../../../i18n'
import { DESCRIPTION_MAX, formatOccurredAt, parseOccurredAt } from '../draft'
import { useComplaintDraft } from '../draft-store'
import { MAX_PHOTOS } from '../../../services/photo-uploads'
import { AbuseNotice } from './abuse-notice'
import { TargetSection } from './target-section'
import { pressable, switchName } from '../../../components/a11y'
import './complaints.scss'

type Props = {
  /** The institution the form was opened from (its page's 投诉该机构). */
  institution?: { id: string; name: string }
  signedIn: boolean
  /** The BFF answered: the page shows the tracking number and secret. */
  onFiled: (trackingNumber: string) => void
}

/** Filing a complaint. Every change is saved as a draft on the device; a retry re-sends with the same Idempotency-Key. */
export function ComplaintForm({ institution, signedIn, onFiled }: Props) {
  const draft = useComplaintDraft((s) => s.draft)
  const restored = useComplaintDraft((s) => s.restored)
  const acknowledged = useComplaintDraft((s) => s.abuseAcknowledged)
  const submitting = useComplaintDraft((s) => s.submitting)
  const error = useComplaintDraft((s) => s.error)
  const canRetry = useComplaintDraft((s) => s.canRetry)
  const { open, update, addPhotos, retryPhoto, removePhoto, acknowledgeAbuse, submit, discard } = useComplaintDraft.getState()

  const institutionId = institution?.id
  const institutionName = institution?.name
  useEffect(() => {
    void open(institutionId ? { id: institutionId, name: institutionName ?? '' } : undefined)
  }, [open, institutionId, institutionName])

  // Filed (just now, or before the app closed without showing the answer): the page shows it.
  const filedNumber = draft.filed?.trackingNumber
  useEffect(() => {
    if (filedNumber) onFiled(filedNumber)
  }, [filedNumber, onFiled])

  // A successful answer sets draft.filed, and the effect above hands it to the page.
  const send = () => void submit(signedIn)

  const knownInstitution =
    draft.target?.kind === 'institution'
      ? { id: draft.target.id, name: draft.target.name }
      : institutionId
        ? { id: institutionId, name: institutionName ?? '' }
        : null
  const abuse = draft.category === 'abuse'
  const occurred = parseOccurredAt(draft.occurredAt)
  const now = dayjs()
  const pickedDate = (occurred ?? now).format('YYYY-MM-DD')
  const pickedTime = (occurred ?? now).format('HH:mm')
  const setDate = (date: string) => update({ occurredAt: `${date} ${occurred ? occurred.format('HH:mm') : now.format('HH:mm')}` })
  const setTime = (time: string) => {
    const base = occurred ?? now
    const [h, m] = time.split(':').map(Number)
    update({ occurredAt: formatOccurredAt(base.hour(h || 0).minute(m || 0)) })
  }

  return (
    <View className='complaint-form'>
      {restored ? (
        <View className='notice notice--calm complaint-form__restored' role='status'>
          <Text>{t('complaints.draftRestored')}</Text>
          <View {...pressable('button')} className='complaint-form__link' onClick={discard}>
            {t('complaints.discardDraft')}
          </View>
        </View>
      ) : null}

      <TargetSection
        target={draft.target}
        institution={knownInstitution}
        provider={draft.provider}
        onTarget={(target) => update({ target })}
        onProvider={(provider) => update({ provider })}
      />

      <View className='complaint-form__field'>
        <Text className='complaint-form__label'>{t('complaints.category')}</Text>
        <View className='complaint-form__chips' role='radiogroup' aria-label={t('complaints.category')}>
          {CATEGORY_OPTIONS.map((category) => (
            <Chip
              key={category}
              selected={draft.category === category}
              className={category === 'abuse' ? 'chip--abuse' : ''}
              onClick={() => update({ category })}
            >
              {t(`enums.complaintCategory.${category}`)}
            </Chip>
          ))}
        </View>
      </View>

      {abuse ? <AbuseNotice acknowledged={acknowledged} onAcknowledge={acknowledgeAbuse} /> : null}

      <View className='complaint-form__field'>
        <Text className='complaint-form__label'>{t('complaints.description')}</Text>
        <Textarea
          className='field complaint-form__textarea'
          maxlength={DESCRIPTION_MAX}
          placeholder={t('complaints.descriptionPlaceholder')}
          value={draft.description}
          onInput={(e) => update({ description: e.detail.value })}
        />
        <Text className='complaint-form__counter'>{t('complaints.descriptionCount', { count: draft.description.length, max: DESCRIPTION_MAX })}</Text>
      </View>

      <View className='complaint-form__field'>
        <Text className='complaint-form__label'>{t('complaints.occurredAt')}</Text>
        <Input
          className='field'
          maxlength={16}
          placeholder={t('complaints.occurredAtPlaceholder')}
          value={draft.occurredAt}
          onInput={(e) => update({ occurredAt: e.detail.value })}
        />
        <View className='complaint-form__pickers'>
          <Picker mode='date' start='2020-01-01' end={now.format('YYYY-MM-DD')} value={pickedDate} onChange={(e) => setDate(String(e.detail.value))}>
            <View className='btn btn--ghost btn--small'>{t('complaints.pickDate')}</View>
          </Picker>
          <Picker mode='time' value={pickedTime} onChange={(e) => setTime(String(e.detail.value))}>
            <View className='btn btn--ghost btn--small'>{t('complaints.pickTime')}</View>
          </Picker>
        </View>
      </View>

      <View className='complaint-form__field'>
        <Text className='complaint-form__label'>{t('complaints.photos', { max: MAX_PHOTOS })}</Text>
        <PhotoGrid photos={draft.photos} max={MAX_PHOTOS} onAdd={() => void addPhotos()} onRetry={(id) => void retryPhoto(id)} onRemove={removePhoto} />
      </View>

      <View className='complaint-form__field'>
        <Label className='complaint-form__switch'>
          <Text className='complaint-form__label'>{t('complaints.anonymous')}</Text>
          <Switch
            {...switchName(t('complaints.anonymous'))}
            checked={draft.anonymous}
            color='#1d5fbf'
            onChange={(e) => update({ anonymous: Boolean(e.detail.value) })}
          />
        </Label>
        {draft.anonymous ? (
          <Text className='complaint-form__hint complaint-form__anonymous-note'>{t('complaints.anonymousOn')}</Text>
        ) : signedIn ? (
          <>
            <Text className='complaint-form__hint'>{t('complaints.anonymousOffSignedIn')}</Text>
            <Text className='complaint-form__sublabel'>{t('complaints.contactPhone')}</Text>
            <Input
              className='field'
              type='number'
              maxlength={11}
              placeholder={t('complaints.contactPhonePlaceholder')}
              value={draft.contactPhone}
              onInput={(e) => update({ contactPhone: e.detail.value })}
            />
          </>
        ) : (
          <Text className='complaint-form__hint'>{t('complaints.anonymousOffSignedOut')}</Text>
        )}
      </View>

      <FormError className='complaint-form__error' message={error}>
        {canRetry ? (
          <Button className='btn btn--small complaint-form__retry' disabled={submitting || undefined} onClick={send}>
            {t('complaints.retry')}
          </Button>
        ) : null}
      </FormError>

      <Button className='btn btn--block complaint-form__submit' disabled={submitting || (abuse && !acknowledged) || undefined} onClick={send}>
        {submitting ? t('complaints.submitting') : t('complaints.submit')}
      </Button>
    </View>
  )
}

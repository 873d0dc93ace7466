import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { GuidanceRequestInput, GuidanceService, TimeWindow } from '../../../../types/guidance'
import type { Child } from '../../../../types/me'
import type { City } from '../../../../types/regions'
import { Chip } from '../../../components/chip'
import { EmptyState } from '../../../components/empty-state'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { describeActionError } from '../../../services/http'
import { formatAge } from '../../../utils/age'
import { SERVICE_OPTIONS } from '../constants'
import { fieldErrorOf, type FieldErrors, type FormField } from '../field-errors'
import { useQuery } from '../../../services/server-data'
import { createRequest, guidanceRequests } from '../queries'
import { DistrictPicker } from './district-picker'
import { TimeWindowsInput } from './time-windows'
import './guidance.scss'

type Props = {
  kids: Child[]
  kidsReady: boolean
  cities: City[]
  regionsFailed: boolean
  onRetryRegions: () => void
  /** A district the parent already chose elsewhere (the 课堂 location), to start from. */
  defaultDistrictCode: string | null
  onAddChild: () => void
  onCreated: (id: string) => void
}

const PHONE = /^1[3-9][0-9]{9}$/
const NOTE_MAX = 500

type Draft = {
  service: GuidanceService | null
  childId: string | null
  timeWindows: TimeWindow[]
  districtCode: string | null
  address: string
  contactPhone: string
  note: string
}

function validate(draft: Draft): FieldErrors {
  const errors: FieldErrors = {}
  if (!draft.service) errors.service = t('guidance.errors.service')
  if (!draft.childId) errors.childId = t('guidance.errors.childId')
  if (draft.timeWindows.length === 0) errors.timeWindows = t('guidance.errors.timeWindows')
  if (!draft.districtCode) errors.districtCode = t('guidance.errors.districtCode')
  if ([...draft.address.trim()].length < 4) errors.address = t('guidance.errors.address')
  if (!PHONE.test(draft.contactPhone.trim())) errors.contactPhone = t('guidance.errors.contactPhone')
  return errors
}

/** A long form on a phone: bring the first field to fix into view. */
function showFirstError() {
  if (typeof Taro.pageScrollTo !== 'function') return
  setTimeout(
    () => void Promise.resolve(Taro.pageScrollTo({ selector: '.guidance-form__field--error', offsetTop: -16, duration: 200 })).catch(() => undefined),
    50,
  )
}

function Field({ label, field, errors, children }: { label: string; field: FormField; errors: FieldErrors; children: ReactNode }) {
  return (
    <View className={`guidance-form__field ${errors[field] ? 'guidance-form__field--error' : ''}`}>
      <Text className='guidance-form__label'>{label}</Text>
      {children}
      <FormError className='guidance-error' message={errors[field]} field={field} />
    </View>
  )
}

/** Ask the district's community health centre for a home visit: service, child, time windows, where, how to reach. */
export function GuidanceForm({ kids, kidsReady, cities, regionsFailed, onRetryRegions, defaultDistrictCode, onAddChild, onCreated }: Props) {
  // For the number the parent gave last time (the account itself only knows a masked one).
  const previous = useQuery(guidanceRequests).data
  const [draft, setDraft] = useState<Draft>({
    service: null,
    childId: null,
    timeWindows: [],
    districtCode: defaultDistrictCode,
    address: '',
    contactPhone: '',
    note: '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  // What is wrong with the request as a whole (field errors show under their fields).
  const { run, busy, error: general, setError: setGeneral } = useAction()
  const phoneTouched = useRef(false)

  const update = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setErrors((current) => {
      const next = { ...current }
      for (const key of Object.keys(patch)) delete next[key as FormField]
      return next
    })
  }

  const lastPhone = previous?.[0]?.contactPhone ?? ''
  useEffect(() => {
    if (lastPhone && !phoneTouched.current) setDraft((current) => (current.contactPhone ? current : { ...current, contactPhone: lastPhone }))
  }, [lastPhone])

  useEffect(() => {
    if (kids.length === 1) setDraft((current) => (current.childId ? current : { ...current, childId: kids[0].id }))
  }, [kids])

  useEffect(() => {
    if (defaultDistrictCode) setDraft((current) => (current.districtCode ? current : { ...current, districtCode: defaultDistrictCode }))
  }, [defaultDistrictCode])

  if (kidsReady && kids.length === 0) {
    return (
      <EmptyState
        title={t('guidance.form.noChildTitle')}
        hint={t('guidance.form.noChildHint')}
        actionText={t('guidance.form.addChild')}
        onAction={onAddChild}
      />
    )
  }

  const submit = async () => {
    const found = validate(draft)
    setGeneral(null)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      showFirstError()
      return
    }
    const input: GuidanceRequestInput = {
      service: draft.service as GuidanceService,
      childId: draft.childId as string,
      timeWindows: draft.timeWindows,
      districtCode: draft.districtCode as string,
      address: draft.address.trim(),
      contactPhone: draft.contactPhone.trim(),
      note: draft.note.trim(),
    }
    await run(
      async () => {
        const created = await createRequest(input)
        onCreated(created.id)
      },
      (error) => {
        const fields = fieldErrorOf(error, (field) => t(`guidance.errors.${field}`))
        if (!fields) return describeActionError(error)
        setErrors(fields)
        showFirstError()
        return null
      },
    )
  }

  return (
    <View className='guidance-form'>
      <Text className='guidance-form__intro'>{t('guidance.form.intro')}</Text>
      <Field label={t('guidance.form.service')} field='service' errors={errors}>
        <View className='guidance-form__chips' role='group' aria-label={t('guidance.form.service')}>
          {SERVICE_OPTIONS.map((service) => (
            <Chip key={service} selected={draft.service === service} onClick={() => update({ service })}>
              {t(`guidance.service.${service}`)}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label={t('guidance.form.child')} field='childId' errors={errors}>
        <View className='guidance-form__chips' role='group' aria-label={t('guidance.form.child')}>
          {kids.map((child) => (
            <Chip key={child.id} selected={draft.childId === child.id} onClick={() => update({ childId: child.id })}>
              {t('guidance.form.childChip', { nickname: child.nickname, age: formatAge(child.ageMonths) })}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label={t('guidance.form.windows')} field='timeWindows' errors={errors}>
        <TimeWindowsInput value={draft.timeWindows} onChange={(timeWindows) => update({ timeWindows })} />
      </Field>
      <Field label={t('guidance.form.districtLabel')} field='districtCode' errors={errors}>
        <DistrictPicker
          cities={cities}
          value={draft.districtCode}
          onChange={(districtCode) => update({ districtCode })}
          failed={regionsFailed}
          onRetry={onRetryRegions}
        />
      </Field>
      <Field label={t('guidance.form.address')} field='address' errors={errors}>
        <Input
          className='field'
          maxlength={200}
          placeholder={t('guidance.form.addressPlaceholder')}
          value={draft.address}
          onInput={(e) => update({ address: e.detail.value })}
        />
      </Field>
      <Field label={t('guidance.form.phone')} field='contactPhone' errors={errors}>
        <Input
          className='field'
          type='number'
          maxlength={11}
          placeholder={t('guidance.form.phonePlaceholder')}
          value={draft.contactPhone}
          onInput={(e) => {
            phoneTouched.current = true
            update({ contactPhone: e.detail.value })
          }}
        />
      </Field>
      <Field label={t('guidance.form.note')} field='note' errors={errors}>
        <Textarea
          className='field guidance-form__note'
          maxlength={NOTE_MAX}
          placeholder={t('guidance.form.notePlaceholder')}
          value={draft.note}
          onInput={(e) => update({ note: e.detail.value })}
        />
      </Field>
      <Text className='guidance-form__hint'>{t('guidance.form.privacy')}</Text>
      <FormError className='guidance-error' message={general} />
      <Button className='btn btn--block guidance-form__submit' disabled={busy || undefined} onClick={() => void submit()}>
        {busy ? t('guidance.form.submitting') : t('guidance.form.submit')}
      </Button>
    </View>
  )
}

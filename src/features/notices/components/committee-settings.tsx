import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FormError } from '../../../components/form-error'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { describeActionError } from '../../../services/http'
import { invalidate } from '../../../services/server-data'
import { addMeeting, saveCommitteeProfile } from '../api'
import { committeePage } from '../queries'
import './notices.scss'

/** For committee members: the name shown on their notices, the committee's contact, and meeting records. */
export function CommitteeSettings({ institutionId }: { institutionId: string }) {
  const [displayName, setDisplayName] = useState('')
  const [contact, setContact] = useState('')
  const [heldOn, setHeldOn] = useState('')
  const [title, setTitle] = useState('')
  const [minutes, setMinutes] = useState('')
  const { run, busy, error, setError } = useAction()

  const save = (action: () => Promise<void>, done: string, fieldLabels: Record<string, string>) =>
    run(
      async () => {
        await action()
        // The public committee page shows the names, the contact and the meetings.
        invalidate(committeePage(institutionId).key)
        void Taro.showToast({ title: done, icon: 'none' })
      },
      (e) => describeActionError(e, fieldLabels),
    )

  const saveProfile = () => {
    const body = { ...(displayName.trim() ? { displayName: displayName.trim() } : {}), ...(contact.trim() ? { contact: contact.trim() } : {}) }
    if (!body.displayName && !body.contact) return
    void save(() => saveCommitteeProfile(institutionId, body), t('notices.settings.saved'), {
      displayName: t('notices.settings.displayName'),
      contact: t('notices.settings.contact'),
    })
  }

  const saveMeeting = () => {
    if (!heldOn || title.trim().length < 2 || !minutes.trim()) {
      setError(t('notices.settings.meetingInvalid'))
      return
    }
    void save(
      async () => {
        await addMeeting(institutionId, { heldOn, title: title.trim(), minutes })
        setHeldOn('')
        setTitle('')
        setMinutes('')
      },
      t('notices.settings.meetingSaved'),
      { title: t('notices.settings.meetingTitle'), minutes: t('notices.settings.meetingMinutes') },
    )
  }

  return (
    <Section title={t('notices.settings.title')} className='committee-settings'>
      <Text className='committee-settings__label'>{t('notices.settings.displayName')}</Text>
      <Input
        className='field'
        maxlength={20}
        placeholder={t('notices.settings.displayNamePlaceholder')}
        value={displayName}
        onInput={(e) => setDisplayName(e.detail.value)}
      />
      <Text className='committee-settings__label'>{t('notices.settings.contact')}</Text>
      <Input
        className='field'
        maxlength={200}
        placeholder={t('notices.settings.contactPlaceholder')}
        value={contact}
        onInput={(e) => setContact(e.detail.value)}
      />
      <Button className='btn btn--small committee-settings__save' disabled={busy || undefined} onClick={saveProfile}>
        {t('notices.settings.save')}
      </Button>

      <Text className='committee-settings__label committee-settings__heading'>{t('notices.settings.meeting')}</Text>
      <Picker mode='date' value={heldOn} end={dayjs().format('YYYY-MM-DD')} onChange={(e) => setHeldOn(String(e.detail.value))}>
        <Text className='field notice-compose__picker'>{heldOn || t('notices.settings.meetingDatePick')}</Text>
      </Picker>
      <Input className='field' maxlength={80} placeholder={t('notices.settings.meetingTitle')} value={title} onInput={(e) => setTitle(e.detail.value)} />
      <Textarea
        className='field committee-settings__minutes'
        maxlength={5000}
        placeholder={t('notices.settings.meetingMinutes')}
        value={minutes}
        onInput={(e) => setMinutes(e.detail.value)}
      />
      <FormError className='notice-compose__error' message={error} />
      <Button className='btn btn--small committee-settings__save' disabled={busy || undefined} onClick={saveMeeting}>
        {t('notices.settings.meetingSave')}
      </Button>
    </Section>
  )
}

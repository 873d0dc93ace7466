import { Text, View } from '@tarojs/components'
import { ErrorView } from '../../../components/error-view'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { formatCommittee } from '../../../utils/committee'
import { formatDate } from '../../../utils/time'
import { committeePage } from '../queries'
import './notices.scss'

/** The public page of an institution's parent committee: members' display names, contact, meeting records. */
export function CommitteePageView({ institutionId }: { institutionId: string }) {
  const { status, data: page, error, refetch } = useQuery(committeePage(institutionId))

  if (status === 'error') return <ErrorView message={describeError(error)} onRetry={() => void refetch()} />
  if (!page) return <View className='notices__loading'>{t('common.loading')}</View>
  return (
    <View className='committee-page'>
      <Section title={t('notices.committee.title')}>
        <Text className={page.committee.establishedOn ? 'detail__ok' : 'detail__bad'}>{formatCommittee(page.committee)}</Text>
      </Section>
      <Section title={t('notices.committee.members')}>
        {page.members.length === 0 ? <Text className='detail__muted'>{t('notices.committee.noMembers')}</Text> : null}
        {page.members.map((member) => (
          <View key={member.displayName + member.since} className='committee-page__member'>
            <Text>{member.displayName}</Text>
            <Text className='committee-page__sub'>{t('notices.committee.memberSince', { date: formatDate(member.since) })}</Text>
          </View>
        ))}
      </Section>
      <Section title={t('notices.committee.contact')}>
        <Text className='notice-detail__body' style={{ whiteSpace: 'pre-wrap' }} userSelect>
          {page.contact || t('notices.committee.noContact')}
        </Text>
      </Section>
      <Section title={t('notices.committee.meetings')}>
        {page.meetings.length === 0 ? <Text className='detail__muted'>{t('notices.committee.noMeetings')}</Text> : null}
        {page.meetings.map((meeting) => (
          <View key={meeting.id} className='committee-page__meeting'>
            <Text className='committee-page__meeting-title'>
              {formatDate(meeting.heldOn)} · {meeting.title}
            </Text>
            <Text className='notice-detail__body' style={{ whiteSpace: 'pre-wrap' }}>
              {meeting.minutes}
            </Text>
          </View>
        ))}
      </Section>
    </View>
  )
}

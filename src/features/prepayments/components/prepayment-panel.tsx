import { Text, View } from '@tarojs/components'
import type { PrepaymentFacts, PrepaymentRule, PrepaymentStatus } from '../../../../types/prepayments'
import { pressable } from '../../../components/a11y'
import { Section } from '../../../components/section'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { openPage, routes } from '../../../utils/routes'
import { formatDate } from '../../../utils/time'
import { usePrepaymentStatus } from '../queries'
import { PrepaymentBadge } from './prepayment-badge'
import './prepayments.scss'

type Props = { institution: { id: string; name: string } }

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='prepay__fact'>
      <Text className='prepay__fact-label'>{label}</Text>
      <Text className='prepay__fact-value'>{value}</Text>
    </View>
  )
}

function Facts({ facts }: { facts: PrepaymentFacts | null }) {
  const months = facts?.longestPrepaymentMonths
  return (
    <View className='prepay__facts' data-testid='prepayment-facts'>
      <Fact
        label={t('prepayments.longest')}
        value={months === undefined ? t('prepayments.notChecked') : months === 0 ? t('prepayments.noneTaken') : t('prepayments.longestMonths', { months })}
      />
      <Fact
        label={t('prepayments.escrow')}
        value={
          facts?.escrowBank
            ? t('prepayments.escrowBank', { bank: facts.escrowBank, date: formatDate(facts.checkedOn) })
            : months === 0
              ? t('prepayments.escrowNotNeeded')
              : t('prepayments.noEscrow')
        }
      />
      <Fact
        label={t('prepayments.modelContract')}
        value={facts ? t(facts.modelContract ? 'prepayments.yes' : 'prepayments.no') : t('prepayments.notChecked')}
      />
      <Text className='prepay__note'>{facts ? t('prepayments.factsCheckedOn', { date: formatDate(facts.checkedOn) }) : t('prepayments.factsNone')}</Text>
    </View>
  )
}

function Rule({ rule }: { rule: PrepaymentRule | null }) {
  if (!rule) return <Text className='prepay__note'>{t('prepayments.noRule')}</Text>
  return (
    <View className='prepay__rule' data-testid='prepayment-rule'>
      <View className='prepay__rule-head'>
        <Text className='prepay__rule-region'>{t('prepayments.ruleRegion', { region: rule.regionName })}</Text>
        {rule.isDemo ? <Tag tone='red'>{t('common.demo')}</Tag> : null}
      </View>
      <Text className='prepay__quote'>{t('prepayments.quoted', { text: rule.ruleText })}</Text>
      <Text className='prepay__source'>
        {t('prepayments.ruleSource', { document: rule.sourceDocument, published: formatDate(rule.sourcePublishedOn), date: formatDate(rule.checkedOn) })}
      </Text>
      {rule.isDemo ? <Text className='prepay__demo'>{t('prepayments.ruleDemo')}</Text> : null}
    </View>
  )
}

function OwnWords({ title, text }: { title: string; text: string }) {
  return (
    <View className='prepay__own'>
      <Text className='prepay__subtitle'>{title}</Text>
      <Text className='prepay__para'>{text.trim() ? text : t('prepayments.ownWordsEmpty')}</Text>
    </View>
  )
}

/** What a parent can do now, by badge: the rule's limit, the supervised account to ask for, and where to complain. */
function Advice({ status, institution }: { status: PrepaymentStatus; institution: Props['institution'] }) {
  const { badge, rule } = status
  const risky = badge === 'breach' || badge === 'no_information'
  const lines = risky
    ? [
        rule ? t('prepayments.advice.limit', { months: rule.maxMonths }) : t('prepayments.advice.noLargeSums'),
        ...(rule?.escrowAboveYuan ? [t('prepayments.advice.escrowAbove', { amount: rule.escrowAboveYuan })] : []),
        // With an account on record the parent checks the money goes there; without one, asks for it.
        t(status.facts?.escrowBank ? 'prepayments.advice.supervised' : 'prepayments.advice.askAccount'),
        t('prepayments.advice.contract'),
        t('prepayments.advice.complain'),
      ]
    : [t(badge === 'supervised' ? 'prepayments.advice.supervised' : 'prepayments.advice.noneTaken')]
  return (
    <View className={`prepay__advice ${risky ? 'prepay__advice--risky' : ''}`} data-testid='prepayment-advice'>
      <Text className='prepay__subtitle'>{t('prepayments.whatToDo')}</Text>
      {lines.map((line) => (
        <Text key={line} className='prepay__advice-line'>
          {line}
        </Text>
      ))}
      {risky || badge === 'none_taken' ? (
        <View className='prepay__link' {...pressable('link')} onClick={() => openPage(routes.complaintNew(institution))}>
          {t('prepayments.complainLink')} ›
        </View>
      ) : null}
    </View>
  )
}

/**
 * 退费与预收费 on the institution page: the badge and why, what the regulator checked, the rule quoted with its source
 * and date, the institution's own refund and prepayment words, and what a parent can do.
 */
export function PrepaymentPanel({ institution }: Props) {
  const { status, data, error, refetch } = usePrepaymentStatus(institution.id)
  return (
    <Section title={t('prepayments.title')} className='prepay'>
      {!data && status === 'error' ? (
        <View className='prepay__failed' role='alert'>
          <Text>{t('prepayments.loadFailed', { message: describeError(error) })}</Text>
          <View className='prepay__link' {...pressable('button')} onClick={() => void refetch()}>
            {t('common.retry')}
          </View>
        </View>
      ) : !data ? (
        <Text className='prepay__note'>{t('prepayments.loading')}</Text>
      ) : (
        <View className='prepay__body' data-testid='prepayment-panel' data-badge={data.badge}>
          <View className={`prepay__summary prepay__summary--${data.badge}`}>
            <PrepaymentBadge badge={data.badge} large />
            {data.reasons.map((reason) => (
              <Text key={reason} className='prepay__reason'>
                {reason}
              </Text>
            ))}
          </View>
          <Facts facts={data.facts} />
          <Text className='prepay__subtitle'>{t('prepayments.rule')}</Text>
          <Rule rule={data.rule} />
          <OwnWords title={t('prepayments.refundPolicy')} text={data.refundPolicy} />
          <OwnWords title={t('prepayments.prepaymentTerms')} text={data.prepaymentTerms} />
          <Advice status={data} institution={institution} />
        </View>
      )}
    </Section>
  )
}

import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import type { InstitutionDetail as Detail } from '../../../../types/institutions'
import { ErrorView } from '../../../components/error-view'
import { GradeBadge } from '../../../components/grade-badge'
import { SanctionWarning } from '../../../components/sanction-warning'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { formatDistance, formatMonthlyFee } from '../../../utils/format'
import { formatVacanciesUpdated } from '../../../utils/time'
import { describeError } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { originToQuery, type Origin } from '../../../utils/origin'
import { routes } from '../../../utils/routes'
import { useSharePage } from '../../../utils/share'
import { AboutSection, AddressSection, ClassesSection, FilingSection, GradeSection, MoneySection, OversightSection, StaffSection } from './detail-sections'
import { institutionDetail } from '../queries'
import { FeeTable } from './fee-table'
import { GradeWarningLine } from './grade-warning'
import './institutions.scss'

type Props = {
  id: string | undefined
  origin: Origin | null
  renderActions?: (detail: Detail) => ReactNode
  onOpenCommittee?: (detail: Detail) => void
  /** What takes the place of 退费与预收费 (the page composes the prepayment panel, which shows the same words and more). */
  renderMoney?: (detail: Detail) => ReactNode
}

function Header({ detail, actions }: { detail: Detail; actions?: ReactNode }) {
  return (
    <View className='detail__header'>
      {detail.isDemo ? <View className='detail__demo'>{t('detail.demoNotice')}</View> : null}
      <Text className='detail__name'>{detail.name}</Text>
      {/* Before anything else about the institution: a parent is warned before shortlisting it. */}
      <SanctionWarning warning={detail.warning} prominent />
      <View className='card__tags'>
        {detail.isDemo ? <Tag tone='red'>{t('common.demo')}</Tag> : null}
        {detail.inclusive ? <Tag tone='green'>{t('institution.inclusive')}</Tag> : null}
        {detail.demonstration ? <Tag tone='blue'>{t('institution.demonstration')}</Tag> : null}
        <Tag>{t(`enums.kind.${detail.kind}`)}</Tag>
        <Tag>{t(`enums.ownership.${detail.ownership}`)}</Tag>
        <Tag>{t(`enums.profit.${detail.profit}`)}</Tag>
      </View>
      {detail.breachesLimits ? <Text className='card__warning'>⚠ {t('institution.breaches')}</Text> : null}
      <View className='detail__summary'>
        <GradeBadge grade={detail.grade} />
        {detail.distanceKm !== null ? <Text className='card__distance'>{formatDistance(detail.distanceKm)}</Text> : null}
      </View>
      {/* Right under the grade it qualifies, where a parent looks first. */}
      <GradeWarningLine warning={detail.gradeWarning} />
      <View className='detail__summary'>
        <Text className='card__fee'>{formatMonthlyFee(detail.monthlyFee)}</Text>
        <Text className={detail.freePlaces > 0 ? 'detail__ok' : 'detail__muted'}>
          {detail.freePlaces > 0 ? t('institution.freePlaces', { count: detail.freePlaces }) : t('institution.noFreePlaces')}
        </Text>
      </View>
      <Text className='updated'>{formatVacanciesUpdated(detail.vacanciesUpdatedAt)}</Text>
      <AddressSection detail={detail} />
      {actions ? <View className='detail__actions'>{actions}</View> : null}
    </View>
  )
}

export function InstitutionDetailView({ id, origin, renderActions, onOpenCommittee, renderMoney }: Props) {
  const { status, data: detail, error, refetch } = useQuery(institutionDetail(id ?? '', originToQuery(origin)), { enabled: Boolean(id) })
  const name = detail?.name
  useSharePage({ title: name ?? t('detail.title'), path: routes.institution(id ?? '') })

  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name }).catch(() => undefined)
  }, [name])

  if (status === 'error') return <ErrorView message={describeError(error)} onRetry={() => void refetch()} />
  if (!detail) return <View className='finder__loading'>{t('common.loading')}</View>
  return (
    <View className='detail'>
      <Header detail={detail} actions={renderActions?.(detail)} />
      <FeeTable detail={detail} />
      <ClassesSection detail={detail} />
      <GradeSection detail={detail} />
      {renderMoney ? renderMoney(detail) : <MoneySection detail={detail} />}
      <OversightSection detail={detail} onOpenCommittee={onOpenCommittee ? () => onOpenCommittee(detail) : undefined} />
      <StaffSection detail={detail} />
      <FilingSection detail={detail} />
      <AboutSection detail={detail} />
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { Tag } from '../../../components/tag'
import { EmptyState } from '../../../components/empty-state'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { describeActionError, statusOf } from '../../../services/http'
import { formatDate } from '../../../utils/time'
import { linkInstitution, unlinkInstitution, useLinkedInstitutions, useMe } from '../queries'
import { pressable } from '../../../components/a11y'
import './me.scss'

const CODE = /^[A-Za-z0-9]{8}$/

type InstitutionRef = { institutionId: string; name: string }

type Props = {
  /** Tapping an institution's name (the page opens its notices). */
  onOpen?: (item: InstitutionRef) => void
  /** Extra content beside the name, e.g. an unread badge (given by the page). */
  renderExtra?: (item: InstitutionRef) => ReactNode
}

/** 我关注的机构: link the child's institution with its invitation code, see and unlink. */
export function LinkedInstitutions({ onOpen, renderExtra }: Props = {}) {
  // Shown to a signed-in parent only.
  const { data: linked = [], status } = useLinkedInstitutions(true)
  const me = useMe(true).data
  const committeeIds = new Set((me?.grants ?? []).filter((g) => g.role === 'committee' && g.institutionId).map((g) => g.institutionId as string))
  // A committee member's institution shows here even when they have not linked it with a code.
  const committeeOnly = (me?.grants ?? []).filter(
    (g, i, all) =>
      g.role === 'committee' &&
      g.institutionId &&
      !linked.some((l) => l.institutionId === g.institutionId) &&
      all.findIndex((o) => o.institutionId === g.institutionId) === i,
  )
  const [code, setCode] = useState('')
  const { run, busy, error, setError } = useAction()

  const submit = async () => {
    const value = code.trim()
    if (!CODE.test(value)) {
      setError(t('linked.invalidCode'))
      return
    }
    await run(
      async () => {
        const item = await linkInstitution(value)
        setCode('')
        void Taro.showToast({ title: t('linked.linkedOk', { name: item.name }), icon: 'none' })
      },
      (e) => {
        const status = statusOf(e)
        return status === 404 ? t('linked.notFound') : status === 400 ? t('linked.invalidCode') : describeActionError(e)
      },
    )
  }

  const remove = async (institutionId: string) => {
    try {
      await unlinkInstitution(institutionId)
      void Taro.showToast({ title: t('linked.unlinked'), icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: describeActionError(e), icon: 'none' })
    }
  }

  return (
    <View className='linked'>
      <View className='section linked__form'>
        <Text className='linked__intro'>{t('linked.intro')}</Text>
        <View className='linked__row'>
          <Input
            className='field linked__input'
            maxlength={8}
            placeholder={t('linked.codePlaceholder')}
            value={code}
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => void submit()}
          />
          <Button className='btn linked__submit' disabled={busy || undefined} onClick={() => void submit()}>
            {busy ? t('linked.linking') : t('linked.link')}
          </Button>
        </View>
        <FormError className='linked__error' message={error} />
      </View>
      {status === 'loading' ? <View className='linked__loading'>{t('common.loading')}</View> : null}
      {status === 'ready' && linked.length === 0 && committeeOnly.length === 0 ? <EmptyState title={t('linked.empty')} /> : null}
      {committeeOnly.map((grant) => {
        const item = { institutionId: grant.institutionId as string, name: grant.institutionName ?? '' }
        return (
          <View key={grant.id} className='card linked__item'>
            <View className='linked__item-main' {...(onOpen ? pressable('link') : {})} onClick={onOpen ? () => onOpen(item) : undefined}>
              <View className='linked__name-row'>
                <Text className='linked__name'>{item.name}</Text>
                <Tag tone='blue'>{t('linked.committee')}</Tag>
                {renderExtra?.(item)}
              </View>
            </View>
          </View>
        )
      })}
      {linked.map((item) => (
        <View key={item.institutionId} className='card linked__item'>
          <View className='linked__item-main' {...(onOpen ? pressable('link') : {})} onClick={onOpen ? () => onOpen(item) : undefined}>
            <View className='linked__name-row'>
              <Text className='linked__name'>{item.name}</Text>
              {committeeIds.has(item.institutionId) ? <Tag tone='blue'>{t('linked.committee')}</Tag> : null}
              {renderExtra?.(item)}
            </View>
            <Text className='linked__meta'>
              {item.districtName} · {t('linked.linkedOn', { date: formatDate(item.linkedAt) })}
            </Text>
          </View>
          <Button className='btn btn--plain btn--small linked__unlink' onClick={() => void remove(item.institutionId)}>
            {t('linked.unlink')}
          </Button>
        </View>
      ))}
    </View>
  )
}

import Taro from '@tarojs/taro'
import { Button, Text } from '@tarojs/components'
import type { SubsidyProgramme } from '../../../../types/subsidies'
import { t } from '../../../i18n'
import './subsidies.scss'

type Props = { programme: SubsidyProgramme }

/**
 * Where to apply. In WeChat: the official mini-program when there is one (navigateToMiniProgram, from the tap itself);
 * otherwise the official address is copied, since a mini-program cannot open web pages. On H5: the official site as a
 * real link in a new tab.
 */
export function ApplyLink({ programme }: Props) {
  const { name, officialUrl, miniProgramAppId, miniProgramPath } = programme
  if (process.env.TARO_ENV === 'h5') {
    if (officialUrl) {
      return (
        <a
          className='btn btn--ghost btn--block subsidy-apply contact-link'
          href={officialUrl}
          target='_blank'
          rel='noopener noreferrer'
          aria-label={t('subsidies.openSiteLabel', { name })}
        >
          {t('subsidies.openSite')}
        </a>
      )
    }
    return miniProgramAppId ? <Text className='subsidy-apply__hint'>{t('subsidies.applyInWechat')}</Text> : null
  }
  if (miniProgramAppId) {
    const open = () =>
      void Taro.navigateToMiniProgram({ appId: miniProgramAppId, ...(miniProgramPath ? { path: miniProgramPath } : {}) }).catch(() => undefined)
    return (
      <Button className='btn btn--block subsidy-apply' aria-label={t('subsidies.applyLabel', { name })} onClick={open}>
        {t('subsidies.apply')}
      </Button>
    )
  }
  if (officialUrl) {
    const copy = () =>
      void Taro.setClipboardData({ data: officialUrl })
        .then(() => Taro.showToast({ title: t('subsidies.urlCopied'), icon: 'none' }))
        .catch(() => undefined)
    return (
      <Button className='btn btn--ghost btn--block subsidy-apply' aria-label={t('subsidies.copyUrlLabel', { name })} onClick={copy}>
        {t('subsidies.copyUrl')}
      </Button>
    )
  }
  return null
}

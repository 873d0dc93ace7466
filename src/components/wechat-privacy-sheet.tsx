import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { t } from '../i18n'
import { useWechatPrivacyStore } from '../services/wechat-privacy'
import { BottomSheet } from './bottom-sheet'
import { pressable } from './a11y'
import './page-frame.scss'

const AGREE_BUTTON_ID = 'privacy-agree'

/**
 * Shown when WeChat holds a privacy API, on the page on top only (`onTop`; PageFrame renders it on every page).
 * Refusing keeps the page usable: the API fails and the caller falls back.
 */
export function WechatPrivacySheet({ onTop }: { onTop: boolean }) {
  const pending = useWechatPrivacyStore((s) => s.pending)
  const { expose, agree, disagree } = useWechatPrivacyStore.getState()
  const open = onTop && pending !== null

  useEffect(() => {
    if (!open) return
    // Taro.nextTick runs once the render has reached the screen (after setData in the mini-program).
    let cancelled = false
    Taro.nextTick(() => {
      if (!cancelled) expose()
    })
    return () => {
      cancelled = true
    }
  }, [open, pending, expose])

  return (
    <BottomSheet
      open={open}
      title={t('wechatPrivacy.title')}
      onClose={disagree}
      className='wechat-privacy'
      footer={
        <>
          <Button className='btn btn--plain wechat-privacy__refuse' onClick={disagree}>
            {t('wechatPrivacy.refuse')}
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className='btn wechat-privacy__agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => agree(AGREE_BUTTON_ID)}
          >
            {t('wechatPrivacy.agree')}
          </Button>
        </>
      }
    >
      <View className='wechat-privacy__body'>
        <Text>{t('wechatPrivacy.body')}</Text>
        <View className='wechat-privacy__link' {...pressable('link')} onClick={() => Taro.openPrivacyContract({})}>
          {t('wechatPrivacy.contract')}
        </View>
      </View>
    </BottomSheet>
  )
}

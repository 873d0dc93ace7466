import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { BottomSheet } from '../../../components/bottom-sheet'
import { t } from '../../../i18n'
import { useWechatPrivacyStore } from '../store'
import './wechat-privacy.scss'

const AGREE_BUTTON_ID = 'privacy-agree'

/** Shown by WeChat's onNeedPrivacyAuthorization before the first privacy API; refusing keeps the app usable. */
export function WechatPrivacySheet() {
  const open = useWechatPrivacyStore((s) => s.pending !== null)
  const { agree, disagree } = useWechatPrivacyStore.getState()
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
        <View className='wechat-privacy__link' role='link' onClick={() => Taro.openPrivacyContract({})}>
          {t('wechatPrivacy.contract')}
        </View>
      </View>
    </BottomSheet>
  )
}

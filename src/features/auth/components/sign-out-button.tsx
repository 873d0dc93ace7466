import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { t } from '../../../i18n'
import { useAuthStore } from '../store'
import './auth.scss'

export function SignOutButton() {
  const signOut = useAuthStore((s) => s.signOut)
  return (
    <Button
      className='btn btn--plain btn--block sign-out'
      onClick={() => void signOut().then(() => Taro.showToast({ title: t('auth.signedOut'), icon: 'none' }))}
    >
      {t('auth.signOut')}
    </Button>
  )
}

import Taro from '@tarojs/taro'
import type { SignUpStatus } from '../../../../types/classes'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { cancelSignUp } from '../queries'

type Cancellable = { id: string; status: SignUpStatus }

/** 取消报名 (from the class or from 我的报名): asks first, saying whether a seat or a waiting place is given up. */
export function useCancelSignUp(): { cancel: (signUp: Cancellable, classId: string) => Promise<void>; busy: boolean } {
  const { run, busy } = useAction({ report: 'toast' })
  const cancel = async (signUp: Cancellable, classId: string) => {
    const content = signUp.status === 'confirmed' ? t('classes.cancel.confirmSeat') : t('classes.cancel.confirmWaiting')
    const answer = await Taro.showModal({ title: t('classes.cancel.title'), content }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    await run(async () => {
      await cancelSignUp({ id: signUp.id, classId })
      void Taro.showToast({ title: t('classes.cancel.done'), icon: 'none' })
    })
  }
  return { cancel, busy }
}

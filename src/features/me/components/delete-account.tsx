import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BottomSheet } from '../../../components/bottom-sheet'
import { FormError } from '../../../components/form-error'
import { ListRow } from '../../../components/list-row'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { deleteAccount } from '../api'
import './me.scss'

/** 注销账号: says what goes and what the law keeps, then DELETE /me; the page ends the session. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [open, setOpen] = useState(false)
  const { run, busy, error } = useAction()

  const confirm = () =>
    run(async () => {
      await deleteAccount()
      setOpen(false)
      onDeleted()
      void Taro.showToast({ title: t('deleteAccount.done'), icon: 'none' })
    })

  return (
    <>
      <ListRow title={t('me.deleteAccount')} tone='danger' onClick={() => setOpen(true)} />
      <BottomSheet
        open={open}
        title={t('deleteAccount.title')}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button className='btn btn--plain' onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button className='btn btn--danger delete-account__confirm' disabled={busy || undefined} onClick={() => void confirm()}>
              {busy ? t('deleteAccount.deleting') : t('deleteAccount.confirm')}
            </Button>
          </>
        }
      >
        <View className='delete-account'>
          <Text>{t('deleteAccount.lead')}</Text>
          <Text className='delete-account__items'>{t('deleteAccount.items')}</Text>
          <Text>{t('deleteAccount.complaints')}</Text>
          <Text>{t('deleteAccount.local')}</Text>
          <FormError className='delete-account__error' message={error} />
        </View>
      </BottomSheet>
    </>
  )
}

import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BottomSheet } from '../../../components/bottom-sheet'
import { ListRow } from '../../../components/list-row'
import { t } from '../../../i18n'
import { describeActionError } from '../../../services/http'
import { deleteAccount } from '../api'
import './me.scss'

/** 注销账号: says what goes and what the law keeps, then DELETE /me; the page ends the session. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await deleteAccount()
      setOpen(false)
      onDeleted()
      void Taro.showToast({ title: t('deleteAccount.done'), icon: 'none' })
    } catch (e) {
      setError(describeActionError(e))
    } finally {
      setBusy(false)
    }
  }

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
          {error ? (
            <View className='delete-account__error' role='alert'>
              {error}
            </View>
          ) : null}
        </View>
      </BottomSheet>
    </>
  )
}

import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { PageFrame } from '../../components/page-frame'
import { useSignedIn } from '../../features/auth/store'
import { ComplaintForm } from '../../features/complaints/components/complaint-form'
import { routes } from '../../utils/routes'

/** WeChat hands the query over still encoded, H5 decoded: decode once, safely. */
function decoded(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export default function ComplaintNewPage() {
  const { institutionId, name } = useRouter().params
  const signedIn = useSignedIn()
  const onFiled = useCallback((tn: string) => void Taro.redirectTo({ url: routes.complaintFiled(tn) }), [])
  const institution = institutionId ? { id: institutionId, name: decoded(name) } : undefined
  return (
    <PageFrame className='page-complaint-new'>
      <ComplaintForm institution={institution} signedIn={signedIn} onFiled={onFiled} />
    </PageFrame>
  )
}

import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { useSignedIn } from '../../features/auth/store'
import { ComplaintsHome } from '../../features/complaints/components/complaints-home'
import { openPage, routes } from '../../utils/routes'

export default function ComplaintsPage() {
  const signedIn = useSignedIn()
  const [shownAt, setShownAt] = useState(0)
  useDidShow(() => setShownAt(Date.now()))
  return (
    <View className='page-complaints'>
      <ComplaintsHome
        signedIn={signedIn}
        shownAt={shownAt}
        onFile={() => openPage(routes.complaintNew())}
        onTrack={() => openPage(routes.complaintFollow())}
        onOpen={(tn) => openPage(routes.complaintFollow(tn))}
      />
    </View>
  )
}

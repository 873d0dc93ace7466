import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { useLocationStore } from '../../features/location/store'
import { SanctionList } from '../../features/sanctions/components/sanction-list'
import { openInstitution } from '../../utils/routes'

export default function SanctionsPage() {
  const cities = useLocationStore((s) => s.cities)
  useEffect(() => {
    void useLocationStore.getState().loadRegions()
  }, [])
  return (
    <View className='page-sanctions'>
      <SanctionList cities={cities.map((c) => ({ code: c.code, name: c.name }))} onOpenInstitution={openInstitution} />
    </View>
  )
}

import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { amapMarkerUrl, type Place } from '../utils/map'
import { pressable } from './a11y'
import './ui.scss'

type LinkProps = { className?: string; children?: ReactNode }

/**
 * A phone number a parent can dial. In H5 a real tel: link, which every phone browser dials (and a page opened
 * from a link has no WeChat to ask); in WeChat makePhoneCall. Without children it shows the number itself.
 */
export function PhoneLink({ phone, className = '', children }: LinkProps & { phone: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={`contact-link ${className}`} href={`tel:${phone}`}>
        {children ?? phone}
      </a>
    )
  }
  return (
    <View className={className} {...pressable('link')} onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {children ?? phone}
    </View>
  )
}

/** The place on a map: WeChat's own map (openLocation) in the mini-program, 高德's web map in H5 (no WeChat JS-SDK there). */
export function MapLink({ place, className = '', children }: LinkProps & { place: Place }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={`contact-link ${className}`} href={amapMarkerUrl(place)} target='_blank' rel='noopener noreferrer'>
        {children}
      </a>
    )
  }
  const open = () =>
    void Taro.openLocation({ latitude: place.lat, longitude: place.lng, name: place.name, address: place.address ?? '', scale: 16 }).catch(() => undefined)
  return (
    <View className={className} {...pressable('link')} onClick={open}>
      {children}
    </View>
  )
}

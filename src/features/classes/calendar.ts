import Taro from '@tarojs/taro'
import type { ParentingClassDetail } from '../../../types/classes'
import { isWeapp } from '../../utils/platform'
import { calendarUrl } from './api'

const REMIND_SECONDS_BEFORE = 60 * 60

function downloadInBrowser(url: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = 'class.ics'
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/** 添加到日历: the phone's calendar in WeChat; in a browser the BFF's .ics file, which every calendar app opens. */
export async function addToCalendar(item: ParentingClassDetail): Promise<void> {
  if (!isWeapp()) {
    downloadInBrowser(calendarUrl(item.id))
    return
  }
  const seconds = (value: string) => Math.floor(Date.parse(value) / 1000)
  await Taro.addPhoneCalendar({
    title: item.title,
    startTime: seconds(item.startsAt),
    // WeChat takes seconds here as well; Taro's typing says string.
    endTime: seconds(item.endsAt) as unknown as string,
    location: item.mode === 'online' ? item.venue : [item.address, item.venue].filter(Boolean).join(' '),
    description: `${item.centre.name} · ${item.speaker}`,
    alarm: true,
    alarmOffset: REMIND_SECONDS_BEFORE,
  })
}

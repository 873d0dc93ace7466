import type { ParentingClass, ParentingClassDetail, RosterEntry, SignUp } from '../../../types/classes'
import type { ClassRow } from './class-repository'
import type { RosterRow, SignUpRow } from './sign-up-repository'
import { ageAtClass } from './rules'

const round2 = (km: number) => Math.round(km * 100) / 100

export function presentClass(row: ClassRow): ParentingClass {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    topic: row.topic,
    mode: row.mode,
    centre: { id: row.centreId, name: row.centreName, phone: row.centrePhone, districtName: row.districtName },
    cityCode: row.cityCode,
    districtCode: row.districtCode,
    venue: row.venue,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    distanceKm: row.distanceKm === null ? null : round2(row.distanceKm),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    cancellableUntil: row.cancellableUntil,
    speaker: row.speaker,
    minAgeMonths: row.minAgeMonths,
    maxAgeMonths: row.maxAgeMonths,
    capacity: row.capacity,
    confirmedCount: row.confirmedCount,
    seatsLeft: Math.max(row.capacity - row.confirmedCount, 0),
    waitingCount: row.waitingCount,
    status: row.status,
    cancelReason: row.cancelReason,
  }
}

/**
 * `mySignUp`: the asker's live sign-up. The join link of an online class goes only to a parent holding a seat
 * (or to the centre's staff: `showOnlineUrl`).
 */
export function presentDetail(row: ClassRow, mySignUp: SignUpRow | null, showOnlineUrl = false): ParentingClassDetail {
  const seated = mySignUp?.status === 'confirmed'
  return {
    ...presentClass(row),
    description: row.description,
    onlineUrl: row.mode === 'online' && (seated || showOnlineUrl) ? row.onlineUrl : null,
    mySignUp: mySignUp ? { id: mySignUp.id, status: mySignUp.status, waitingPosition: mySignUp.waitingPosition } : null,
    updatedAt: row.updatedAt,
  }
}

export function presentSignUp(row: SignUpRow, classRow: ClassRow): SignUp {
  return {
    id: row.id,
    status: row.status,
    waitingPosition: row.waitingPosition,
    child: row.childId && row.childNickname ? { id: row.childId, nickname: row.childNickname } : null,
    signedUpAt: row.signedUpAt,
    promotedAt: row.promotedAt,
    cancelledAt: row.cancelledAt,
    class: presentClass(classRow),
  }
}

/** 13800008000 → 138****8000. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****')

export function presentRosterEntry(row: RosterRow, startsAt: string): RosterEntry {
  return {
    id: row.id,
    status: row.status,
    waitingPosition: row.waitingPosition,
    parentPhoneMasked: row.parentPhone ? maskPhone(row.parentPhone) : null,
    childNickname: row.childNickname,
    childAgeMonths: row.childBirthMonth ? ageAtClass(row.childBirthMonth, startsAt) : null,
    signedUpAt: row.signedUpAt,
  }
}

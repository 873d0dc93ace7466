import type { ParentingClass, SignUp, SignUpStatus } from '../../../types/classes'
import { t } from '../../i18n'
import { ageInMonths } from '../../utils/age'

/** "余 3 席", or "已满，可候补 (候补 5 人)". */
export function seatsLabel(item: Pick<ParentingClass, 'seatsLeft' | 'waitingCount'>): string {
  if (item.seatsLeft > 0) return t('classes.seatsLeft', { count: item.seatsLeft })
  return item.waitingCount > 0 ? t('classes.fullWaiting', { count: item.waitingCount }) : t('classes.full')
}

export function ageRangeLabel(item: Pick<ParentingClass, 'minAgeMonths' | 'maxAgeMonths'>): string {
  return t('classes.ages', { min: item.minAgeMonths, max: item.maxAgeMonths })
}

/** A child's age in whole months on the day of the class (the BFF checks the same). */
export function ageAtClass(birthMonth: string, startsAt: string): number {
  return ageInMonths(birthMonth, new Date(startsAt))
}

export function suitsChild(item: Pick<ParentingClass, 'minAgeMonths' | 'maxAgeMonths' | 'startsAt'>, birthMonth: string): boolean {
  const age = ageAtClass(birthMonth, item.startsAt)
  return age >= item.minAgeMonths && age <= item.maxAgeMonths
}

/** 已报名 / 候补第 N 位 / 已取消 …: what a parent's sign-up stands at. */
export function signUpStatusLabel(signUp: { status: SignUpStatus; waitingPosition: number | null }): string {
  if (signUp.status === 'waiting')
    return signUp.waitingPosition ? t('classes.status.waitingAt', { position: signUp.waitingPosition }) : t('classes.status.waiting')
  return t(`classes.status.${signUp.status}`)
}

/** Confirmed seats may be given back until the cut-off; a place on the waiting list until the class starts. */
export function cancelClosesAt(signUp: { status: SignUpStatus }, item: Pick<ParentingClass, 'cancellableUntil' | 'startsAt'>): string | null {
  if (signUp.status === 'confirmed') return item.cancellableUntil
  if (signUp.status === 'waiting') return item.startsAt
  return null
}

export function canCancel(
  signUp: { status: SignUpStatus },
  item: Pick<ParentingClass, 'cancellableUntil' | 'startsAt' | 'status'>,
  now: Date = new Date(),
): boolean {
  const closesAt = cancelClosesAt(signUp, item)
  return item.status === 'scheduled' && closesAt !== null && Date.parse(closesAt) > now.getTime()
}

export function isLive(signUp: Pick<SignUp, 'status'>): boolean {
  return signUp.status === 'confirmed' || signUp.status === 'waiting'
}

import type { FeeRange, ServiceFee } from '../../types/institutions'
import { t } from '../i18n'

export function formatDistance(km: number): string {
  return t('institution.distance', { km: km < 10 ? km.toFixed(1) : Math.round(km) })
}

export function formatMonthlyFee(fee: FeeRange | null): string {
  if (!fee) return t('institution.feeUnknown')
  if (fee.min === fee.max) return t('institution.feeSingle', { min: fee.min })
  return t('institution.fee', { min: fee.min, max: fee.max })
}

/** Whole yuan with the thousands marked, as the BFF's own texts write them: 3300 → "3,300" (no Intl: not every WeChat engine has it). */
export function formatAmount(amount: number): string {
  const sign = amount < 0 ? '-' : ''
  return sign + String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** A service form's own price in its unit, e.g. 计时托 40 元/小时. */
export function formatServiceFee(fee: ServiceFee): string {
  return t('institution.formFee', { form: t(`enums.serviceForm.${fee.form}`), amount: fee.amount, unit: t(`enums.feeUnit.${fee.unit}`) })
}

/** Whole yuan with its unit, thousands marked: 300 → "300元", 6600 → "6,600元". */
export function formatYuan(amount: number): string {
  return t('common.yuan', { amount: formatAmount(amount) })
}

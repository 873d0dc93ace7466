import type { SubsidyProgramme } from '../../../types/subsidies'
import type { ProgrammeRow } from './repository'

export function presentProgramme(row: ProgrammeRow): SubsidyProgramme {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    cityCode: row.cityCode,
    cityName: row.cityName,
    amountPerMonthYuan: row.amountPerMonthYuan,
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
    ageFromMonths: row.ageFromMonths,
    ageToMonths: row.ageToMonths,
    eligibility: row.eligibility,
    documents: row.documents,
    howToApply: row.howToApply,
    paymentNote: row.paymentNote,
    officialUrl: row.officialUrl,
    miniProgramAppId: row.miniProgramAppId,
    miniProgramPath: row.miniProgramPath,
    renewYearly: row.renewYearly,
    sourceDocument: row.sourceDocument,
    sourcePublishedOn: row.sourcePublishedOn,
    checkedOn: row.checkedOn,
  }
}

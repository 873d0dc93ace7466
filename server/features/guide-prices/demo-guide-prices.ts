import type { Kysely } from 'kysely'
import { CLASS_TYPES } from '../../../types/institutions'
import type { Database } from '../../db/schema'
import { CITIES } from '../../db/reference/regions'
import { chinaToday } from '../../shared/china-time'

/** 全日托 caps for 普惠 places by class type; 长春 and 长春新区 a little higher. Half-day: 60%. */
const FULL_DAY_CAPS = { infant: 2600, toddler: 2300, senior: 2200, mixed: 2300, kindergarten: 1900 } as const
const CAPITAL = new Set(['220100', '229200'])

/**
 * With demo data only, and only while no regulator has set any cap: a demo cap for every 市州, class type and monthly
 * form, its document named as demo, so that the demo shows 普惠 institutions within and above their caps.
 */
export async function seedDemoGuidePrices(db: Kysely<Database>, today = chinaToday()): Promise<number> {
  const existing = await db.selectFrom('guidePrices').select('id').limit(1).executeTakeFirst()
  if (existing) return 0
  const rows = CITIES.flatMap((city) =>
    CLASS_TYPES.flatMap((classType) => {
      const fullDay = FULL_DAY_CAPS[classType] + (CAPITAL.has(city.code) ? 300 : 0)
      return [
        { form: 'full_day' as const, capYuan: fullDay },
        { form: 'half_day' as const, capYuan: Math.round((fullDay * 0.6) / 50) * 50 },
      ].map(({ form, capYuan }) => ({
        cityCode: city.code,
        scope: 'inclusive' as const,
        classType,
        form,
        capYuan,
        sourceDocument: `【演示数据】${city.name}普惠托育服务指导价（虚构，仅供演示）`,
        validFrom: '2025-01-01',
        validTo: null,
        checkedOn: today,
      }))
    }),
  )
  await db.insertInto('guidePrices').values(rows).execute()
  return rows.length
}

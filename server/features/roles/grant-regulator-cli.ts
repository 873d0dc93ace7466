import { parseArgs } from 'node:util'
import { PHONE_PATTERN } from '../../../types/auth'
import { PROVINCE_CODE } from '../../../types/roles'
import { loadConfig } from '../../config'
import { openDatabase } from '../../db/open'
import { CITIES } from '../../db/reference/regions'
import { grantRegulatorByPhone } from './first-regulator-service'

const USAGE = '用法 (usage): npm run grant:regulator -- --phone 13800000000 --region 220000   (region: 220000 全省, or a 市州 code)'

/** Makes the first regulator, who then grants every other role in the app. With PGlite, stop the BFF first: it has one writer. */
async function main() {
  const { values } = parseArgs({ options: { phone: { type: 'string' }, region: { type: 'string' } }, strict: true })
  const { phone, region } = values
  if (!phone || !new RegExp(PHONE_PATTERN).test(phone)) {
    console.error(`手机号无效 (invalid --phone)\n${USAGE}`)
    process.exit(2)
  }
  const regionName = region === PROVINCE_CODE ? '吉林省' : CITIES.find((c) => c.code === region)?.name
  if (!region || !regionName) {
    console.error(`地区代码无效 (invalid --region)：应为 ${PROVINCE_CODE} 或市州代码 ${CITIES.map((c) => c.code).join(' ')}\n${USAGE}`)
    process.exit(2)
  }
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    const outcome = await grantRegulatorByPhone(database.db, phone, region)
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
    if (!outcome.grantId) {
      console.log(`${masked} 已是${regionName}监管人员，未做更改 (already a regulator of ${region}; user ${outcome.userId})`)
      return
    }
    console.log(
      JSON.stringify({
        event: 'regulator granted by CLI',
        at: new Date().toISOString(),
        grantId: outcome.grantId,
        userId: outcome.userId,
        userCreated: outcome.userCreated,
        regionCode: region,
        grantedBy: null,
      }),
    )
    console.log(`已授予 ${masked} ${regionName}监管人员角色${outcome.userCreated ? '（新建账号，请用该手机号登录）' : ''} (regulator granted)`)
  } finally {
    await database.close()
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

/** Word lists for fictional demo institutions. Every name also ends in （演示）, so none can pass for a real brand. */

export const NAME_WORDS = [
  '禾苗',
  '松果',
  '白桦',
  '雪绒',
  '鹿鸣',
  '溪畔',
  '晨曦',
  '云杉',
  '稻香',
  '麦穗',
  '青柠',
  '橡果',
  '芦苇',
  '枫叶',
  '山楂',
  '雏菊',
  '柳絮',
  '星河',
  '蓝莓',
  '榛子',
  '杏林',
  '知更',
  '青禾',
  '苗圃',
  '朝露',
  '银杏',
  '春芽',
  '小鹿',
  '梧桐',
  '石榴',
] as const

export const STANDALONE_SUFFIXES = ['托育中心', '托育园', '婴幼托育园', '托育服务中心', '婴幼儿照护中心'] as const
export const EMPLOYER_HOSTS = ['产业园', '科技园', '物流园', '工业园', '商务区'] as const

/** Road names by area code; areas not listed use GENERIC_ROADS. Addresses also end in （演示）. */
export const ROADS_BY_CITY: Record<string, readonly string[]> = {
  '220100': [
    '人民大街',
    '红旗街',
    '自由大路',
    '亚泰大街',
    '卫星路',
    '西安大路',
    '解放大路',
    '南湖大路',
    '东盛大街',
    '临河街',
    '普阳街',
    '繁荣路',
    '青年路',
    '延安大街',
    '安达街',
  ],
  '229200': ['硅谷大街', '超然街', '飞跃路', '天富路', '北湖大路', '中信大街', '航空路', '长德路'],
  '220200': ['解放大路', '重庆街', '北京路', '松江路', '吉林大街', '遵义路', '长春路', '深圳街', '珲春街', '越山路'],
  '222400': ['光明街', '人民路', '公园路', '局子街', '友谊路', '新兴街', '长白路', '河南街'],
}

export const GENERIC_ROADS = [
  '人民路',
  '解放路',
  '新华街',
  '建设街',
  '胜利路',
  '民主路',
  '文化路',
  '团结路',
  '光明街',
  '和平路',
  '站前街',
  '朝阳路',
  '振兴路',
  '育才街',
] as const

export const PHONE_AREA_CODES: Record<string, string> = {
  '220100': '0431',
  '229200': '0431',
  '220200': '0432',
  '222400': '0433',
  '229100': '0433',
  '220300': '0434',
  '220500': '0435',
  '220800': '0436',
  '220400': '0437',
  '220700': '0438',
  '220600': '0439',
}

export const REFUND_POLICIES = [
  '按月收费；因病请假连续5天以上按日退还保育费；退托须提前15天告知，剩余费用7个工作日内退还。',
  '未入托天数按日退费；退托提前一周书面申请，余款10个工作日内原路退回。',
  '学期内退托按实际入托天数结算，伙食费按实际就餐天数多退少补。',
] as const

export const PREPAYMENT_TERMS = [
  '按月缴费，不预收超过1个月的费用。',
  '预收费用不超过3个月，资金存入银行监管账户。',
  '可按季度缴费（不超过3个月），不办理储值卡和会员卡。',
] as const

export const SANCTION_CASES = [
  { kind: 'sanction', measure: '警告，责令限期整改', reason: '超过核定人数收托', department: '卫生健康局' },
  { kind: 'sanction', measure: '罚款5000元，责令整改', reason: '保育人员与婴幼儿配比不足', department: '卫生健康局' },
  { kind: 'sanction', measure: '警告并罚款3000元', reason: '未按规定公示收费项目和标准', department: '市场监督管理局' },
  { kind: 'credit_warning', measure: '列入信用警示名单', reason: '预收费用超过3个月且未按规定存入监管账户', department: '市场监督管理局' },
] as const

import type { City } from '../../../types/regions'

/**
 * The 11 市州-level areas of Jilin Province and their districts, counties and county-level cities.
 * Codes follow GB/T 2260 (公主岭市 has been 220184 under 长春 since 2020).
 * 长白山管委会 and 长春新区 are administrative areas without a GB/T 2260 code: they get our own stable codes
 * under the unused prefix 229 (229100, 229200; their sub-areas 2291xx, 2292xx), which no GB/T 2260 Jilin code
 * can take (Jilin's prefectures are 2201..2208 and 2224).
 * Coordinates are approximate centres (GCJ-02 like the registry; good to a few km, far more than the few hundred
 * metres between GCJ-02 and WGS-84), meant for demo data, plausibility checks and the district fallback.
 */
export const CITIES: City[] = [
  {
    code: '220100',
    name: '长春市',
    shortName: '长春',
    lat: 43.88,
    lng: 125.32,
    districts: [
      { code: '220102', name: '南关区', lat: 43.86, lng: 125.35 },
      { code: '220103', name: '宽城区', lat: 43.94, lng: 125.33 },
      { code: '220104', name: '朝阳区', lat: 43.83, lng: 125.29 },
      { code: '220105', name: '二道区', lat: 43.87, lng: 125.38 },
      { code: '220106', name: '绿园区', lat: 43.88, lng: 125.26 },
      { code: '220112', name: '双阳区', lat: 43.52, lng: 125.66 },
      { code: '220113', name: '九台区', lat: 44.15, lng: 125.84 },
      { code: '220122', name: '农安县', lat: 44.43, lng: 125.18 },
      { code: '220182', name: '榆树市', lat: 44.84, lng: 126.53 },
      { code: '220183', name: '德惠市', lat: 44.54, lng: 125.7 },
      { code: '220184', name: '公主岭市', lat: 43.5, lng: 124.82 },
    ],
  },
  {
    code: '220200',
    name: '吉林市',
    shortName: '吉林',
    lat: 43.84,
    lng: 126.55,
    districts: [
      { code: '220202', name: '昌邑区', lat: 43.88, lng: 126.57 },
      { code: '220203', name: '龙潭区', lat: 43.91, lng: 126.56 },
      { code: '220204', name: '船营区', lat: 43.83, lng: 126.53 },
      { code: '220211', name: '丰满区', lat: 43.8, lng: 126.56 },
      { code: '220221', name: '永吉县', lat: 43.67, lng: 126.5 },
      { code: '220281', name: '蛟河市', lat: 43.72, lng: 127.34 },
      { code: '220282', name: '桦甸市', lat: 42.97, lng: 126.75 },
      { code: '220283', name: '舒兰市', lat: 44.41, lng: 126.96 },
      { code: '220284', name: '磐石市', lat: 42.95, lng: 126.06 },
    ],
  },
  {
    code: '220300',
    name: '四平市',
    shortName: '四平',
    lat: 43.17,
    lng: 124.35,
    districts: [
      { code: '220302', name: '铁西区', lat: 43.15, lng: 124.35 },
      { code: '220303', name: '铁东区', lat: 43.16, lng: 124.41 },
      { code: '220322', name: '梨树县', lat: 43.31, lng: 124.34 },
      { code: '220323', name: '伊通满族自治县', lat: 43.35, lng: 125.31 },
      { code: '220382', name: '双辽市', lat: 43.52, lng: 123.5 },
    ],
  },
  {
    code: '220400',
    name: '辽源市',
    shortName: '辽源',
    lat: 42.89,
    lng: 125.14,
    districts: [
      { code: '220402', name: '龙山区', lat: 42.9, lng: 125.14 },
      { code: '220403', name: '西安区', lat: 42.93, lng: 125.15 },
      { code: '220421', name: '东丰县', lat: 42.68, lng: 125.53 },
      { code: '220422', name: '东辽县', lat: 42.93, lng: 125.01 },
    ],
  },
  {
    code: '220500',
    name: '通化市',
    shortName: '通化',
    lat: 41.73,
    lng: 125.94,
    districts: [
      { code: '220502', name: '东昌区', lat: 41.73, lng: 125.95 },
      { code: '220503', name: '二道江区', lat: 41.77, lng: 126.04 },
      { code: '220521', name: '通化县', lat: 41.68, lng: 125.76 },
      { code: '220523', name: '辉南县', lat: 42.68, lng: 126.05 },
      { code: '220524', name: '柳河县', lat: 42.28, lng: 125.74 },
      { code: '220581', name: '梅河口市', lat: 42.54, lng: 125.71 },
      { code: '220582', name: '集安市', lat: 41.13, lng: 126.19 },
    ],
  },
  {
    code: '220600',
    name: '白山市',
    shortName: '白山',
    lat: 41.94,
    lng: 126.42,
    districts: [
      { code: '220602', name: '浑江区', lat: 41.94, lng: 126.42 },
      { code: '220605', name: '江源区', lat: 42.06, lng: 126.59 },
      { code: '220621', name: '抚松县', lat: 42.33, lng: 127.28 },
      { code: '220622', name: '靖宇县', lat: 42.39, lng: 126.81 },
      { code: '220623', name: '长白朝鲜族自治县', lat: 41.42, lng: 128.2 },
      { code: '220681', name: '临江市', lat: 41.81, lng: 126.92 },
    ],
  },
  {
    code: '220700',
    name: '松原市',
    shortName: '松原',
    lat: 45.14,
    lng: 124.83,
    districts: [
      { code: '220702', name: '宁江区', lat: 45.17, lng: 124.82 },
      { code: '220721', name: '前郭尔罗斯蒙古族自治县', lat: 45.12, lng: 124.82 },
      { code: '220722', name: '长岭县', lat: 44.28, lng: 123.97 },
      { code: '220723', name: '乾安县', lat: 45.0, lng: 124.03 },
      { code: '220781', name: '扶余市', lat: 44.99, lng: 126.05 },
    ],
  },
  {
    code: '220800',
    name: '白城市',
    shortName: '白城',
    lat: 45.62,
    lng: 122.84,
    districts: [
      { code: '220802', name: '洮北区', lat: 45.62, lng: 122.85 },
      { code: '220821', name: '镇赉县', lat: 45.85, lng: 123.2 },
      { code: '220822', name: '通榆县', lat: 44.81, lng: 123.09 },
      { code: '220881', name: '洮南市', lat: 45.34, lng: 122.79 },
      { code: '220882', name: '大安市', lat: 45.51, lng: 124.29 },
    ],
  },
  {
    code: '222400',
    name: '延边朝鲜族自治州',
    shortName: '延边',
    lat: 42.89,
    lng: 129.51,
    districts: [
      { code: '222401', name: '延吉市', lat: 42.89, lng: 129.51 },
      { code: '222402', name: '图们市', lat: 42.97, lng: 129.84 },
      { code: '222403', name: '敦化市', lat: 43.37, lng: 128.23 },
      { code: '222404', name: '珲春市', lat: 42.86, lng: 130.37 },
      { code: '222405', name: '龙井市', lat: 42.77, lng: 129.43 },
      { code: '222406', name: '和龙市', lat: 42.55, lng: 129.01 },
      { code: '222424', name: '汪清县', lat: 43.31, lng: 129.77 },
      { code: '222426', name: '安图县', lat: 43.11, lng: 128.9 },
    ],
  },
  {
    code: '229100',
    name: '长白山管委会',
    shortName: '长白山',
    lat: 42.41,
    lng: 128.11,
    districts: [
      { code: '229101', name: '池北区', lat: 42.41, lng: 128.11 },
      { code: '229102', name: '池西区', lat: 42.17, lng: 127.49 },
      { code: '229103', name: '池南区', lat: 41.95, lng: 127.59 },
    ],
  },
  {
    code: '229200',
    name: '长春新区',
    shortName: '长春新区',
    lat: 43.98,
    lng: 125.42,
    districts: [
      { code: '229201', name: '北湖科技开发区', lat: 44.0, lng: 125.44 },
      { code: '229202', name: '长德经济开发区', lat: 44.1, lng: 125.55 },
      { code: '229203', name: '空港经济开发区', lat: 43.99, lng: 125.68 },
      { code: '229204', name: '高新技术产业开发区', lat: 43.84, lng: 125.23 },
    ],
  },
]

const CITY_BY_CODE = new Map(CITIES.map((city) => [city.code, city]))

export function findCity(code: string): City | undefined {
  return CITY_BY_CODE.get(code)
}

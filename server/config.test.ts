import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEPARTMENTS } from '../types/complaints'
import { CITIES } from './db/reference/regions'
import { loadConfig } from './config'

const base = { JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/tuoyu-config-test' }
const allIntakeUrls = Object.fromEntries(DEPARTMENTS.map((d) => [d, `https://intake.example.cn/${d}`]))

describe('complaint settings', () => {
  it('defaults: 7 and 15 days, local photos under DATA_DIR, 8 MB, the intake stand-in', () => {
    const { complaints } = loadConfig(base)
    expect(complaints).toEqual({
      acceptDays: 7,
      replyDays: 15,
      intakeUrls: null,
      photoStorage: { kind: 'local', directory: '/tmp/tuoyu-config-test/photos' },
      photoMaxBytes: 8 * 1024 * 1024,
    })
  })

  it('takes intake URLs for every department', () => {
    expect(loadConfig({ ...base, COMPLAINT_INTAKE_URLS: JSON.stringify(allIntakeUrls) }).complaints.intakeUrls).toEqual(allIntakeUrls)
  })

  it.each([
    ['not JSON', 'market_regulation=https://x', /JSON object/],
    ['an array', '[]', /JSON object/],
    ['a department missing', JSON.stringify({ ...allIntakeUrls, health: undefined }), /lacks departments: health/],
    ['an unknown department', JSON.stringify({ ...allIntakeUrls, weather: 'https://x' }), /unknown departments: weather/],
    ['a URL that is not http(s)', JSON.stringify({ ...allIntakeUrls, education: 'ftp://intake' }), /COMPLAINT_INTAKE_URLS.education must be an http/],
  ])('refuses intake URLs that are %s', (_case, value, message) => {
    expect(() => loadConfig({ ...base, COMPLAINT_INTAKE_URLS: value })).toThrow(message)
  })

  it('refuses reply days shorter than accept days', () => {
    expect(() => loadConfig({ ...base, COMPLAINT_ACCEPT_DAYS: '10', COMPLAINT_REPLY_DAYS: '5' })).toThrow(/COMPLAINT_REPLY_DAYS/)
  })

  it('needs the S3 settings with PHOTO_STORAGE=s3', () => {
    expect(() => loadConfig({ ...base, PHOTO_STORAGE: 's3', S3_BUCKET: 'photos' })).toThrow(
      'PHOTO_STORAGE=s3 requires S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY',
    )
    const s3 = {
      S3_ENDPOINT: 'http://minio:9000',
      S3_REGION: 'cn-north-1',
      S3_BUCKET: 'photos',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    }
    expect(loadConfig({ ...base, PHOTO_STORAGE: 's3', ...s3 }).complaints.photoStorage).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      region: 'cn-north-1',
      bucket: 'photos',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    })
    expect(() => loadConfig({ ...base, PHOTO_STORAGE: 'ftp' })).toThrow(/not supported/)
  })
})

describe('stats settings', () => {
  const writeFile = (text: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-population-'))
    const file = path.join(dir, 'population.json')
    fs.writeFileSync(file, text)
    return file
  }
  const population = { year: 2024, source: '测试用人口数据', residents: { 220000: 23000000, 222400: 1800000, 229100: null } }

  it('defaults: the shipped 2023 figures for the province and every 市州, cached 300 s', () => {
    const { stats } = loadConfig(base)
    expect(stats.cacheSeconds).toBe(300)
    expect(stats.population.year).toBe(2023)
    expect(stats.population.source).toMatch(/约数/)
    expect(Object.keys(stats.population.residents).sort()).toEqual(['220000', ...CITIES.map((c) => c.code)].sort())
    expect(stats.population.residents['220000']).toBeGreaterThan(20_000_000)
  })

  it('reads POPULATION_FILE and STATS_CACHE_SECONDS', () => {
    const { stats } = loadConfig({ ...base, POPULATION_FILE: writeFile(JSON.stringify(population)), STATS_CACHE_SECONDS: '0' })
    expect(stats).toEqual({ population: { ...population, residents: { 220000: 23000000, 222400: 1800000, 229100: null } }, cacheSeconds: 0 })
  })

  it.each([
    ['not JSON', '{year: 2023}', /POPULATION_FILE .*is not JSON/],
    ['without a source', JSON.stringify({ ...population, source: ' ' }), /source must say/],
    ['with a bad year', JSON.stringify({ ...population, year: '2023' }), /year must be a year/],
    ['with an unknown region', JSON.stringify({ ...population, residents: { 220099: 1000 } }), /unknown region code 220099/],
    ['with a negative count', JSON.stringify({ ...population, residents: { 220100: -5 } }), /residents.220100 must be a positive whole number/],
    ['with a count in 万', JSON.stringify({ ...population, residents: { 220100: 910.19 } }), /residents.220100 must be a positive whole number/],
  ])('fails the start on a population file %s', (_case, text, message) => {
    expect(() => loadConfig({ ...base, POPULATION_FILE: writeFile(text) })).toThrow(message)
  })

  it('fails the start on a population file that does not exist, and on a bad cache time', () => {
    expect(() => loadConfig({ ...base, POPULATION_FILE: '/nonexistent/population.json' })).toThrow(
      'POPULATION_FILE /nonexistent/population.json cannot be read: ENOENT',
    )
    expect(() => loadConfig({ ...base, STATS_CACHE_SECONDS: '-1' })).toThrow(/STATS_CACHE_SECONDS/)
  })
})

describe('map tiles', () => {
  const TIANDITU = 'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=key'
  const tianditu = { MAP_TILE_URL: TIANDITU, MAP_TILE_SUBDOMAINS: '0, 1,2', MAP_TILE_ATTRIBUTION: ' 天地图 GS(2024)0568号 ', MAP_TILE_DATUM: 'wgs84' }
  const amap = {
    MAP_TILE_URL: 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}',
    MAP_TILE_ATTRIBUTION: '高德地图 GS(2023)4677号',
    MAP_TILE_DATUM: 'gcj02',
  }

  it('defaults to the BFF’s own stand-in tiles, zoom 3–18 (development)', () => {
    expect(loadConfig(base).mapTiles).toEqual({ kind: 'stand-in', minZoom: 3, maxZoom: 18 })
    expect(loadConfig({ ...base, MAP_TILE_MIN_ZOOM: '6', MAP_TILE_MAX_ZOOM: '16' }).mapTiles).toEqual({ kind: 'stand-in', minZoom: 6, maxZoom: 16 })
  })

  it('takes a provider with subdomains (天地图, WGS-84) and one without (高德, GCJ-02)', () => {
    expect(loadConfig({ ...base, ...tianditu, MAP_TILE_MAX_ZOOM: '17' }).mapTiles).toEqual({
      kind: 'provider',
      tiles: { urlTemplate: TIANDITU, subdomains: ['0', '1', '2'], attribution: '天地图 GS(2024)0568号', datum: 'wgs84', minZoom: 3, maxZoom: 17 },
    })
    expect(loadConfig({ ...base, ...amap }).mapTiles).toEqual({
      kind: 'provider',
      tiles: { urlTemplate: amap.MAP_TILE_URL, subdomains: [], attribution: amap.MAP_TILE_ATTRIBUTION, datum: 'gcj02', minZoom: 3, maxZoom: 18 },
    })
  })

  it.each([
    [
      'a datum other than gcj02 or wgs84',
      { ...amap, MAP_TILE_DATUM: 'bd09' },
      'MAP_TILE_DATUM must be gcj02 or wgs84 (天地图 wgs84; 高德, 腾讯 gcj02), got "bd09"',
    ],
    ['no datum', { ...amap, MAP_TILE_DATUM: undefined }, 'MAP_TILE_DATUM must be gcj02 or wgs84'],
    ['no attribution', { ...amap, MAP_TILE_ATTRIBUTION: undefined }, 'MAP_TILE_ATTRIBUTION is required with MAP_TILE_URL'],
    [
      'a plain-http template',
      { ...amap, MAP_TILE_URL: 'http://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}' },
      'MAP_TILE_URL must be an https:// URL template',
    ],
    ['a template without {z}', { ...amap, MAP_TILE_URL: 'https://tiles.example.cn/{x}/{y}.png' }, 'MAP_TILE_URL lacks {z}'],
    ['a template without {x} and {y}', { ...amap, MAP_TILE_URL: 'https://tiles.example.cn/{z}.png' }, 'MAP_TILE_URL lacks {x}, {y}'],
    ['{s} without subdomains', { ...tianditu, MAP_TILE_SUBDOMAINS: undefined }, 'MAP_TILE_SUBDOMAINS must list its values'],
    ['subdomains without {s}', { ...amap, MAP_TILE_SUBDOMAINS: '1,2' }, 'MAP_TILE_SUBDOMAINS is set but MAP_TILE_URL holds no {s}'],
    ['a subdomain that is no host name part', { ...tianditu, MAP_TILE_SUBDOMAINS: '0,a/b' }, 'got "a/b"'],
    ['a template that is no URL', { ...amap, MAP_TILE_URL: 'https://tiles example.cn/{z}/{x}/{y}' }, 'MAP_TILE_URL is not a valid URL template'],
    [
      'a minimum zoom above the maximum',
      { ...amap, MAP_TILE_MIN_ZOOM: '12', MAP_TILE_MAX_ZOOM: '10' },
      'MAP_TILE_MIN_ZOOM (12) must not be greater than MAP_TILE_MAX_ZOOM (10)',
    ],
    ['a zoom beyond 22', { MAP_TILE_MAX_ZOOM: '23' }, 'MAP_TILE_MAX_ZOOM must be an integer 0–22'],
    [
      'provider settings without MAP_TILE_URL',
      { MAP_TILE_DATUM: 'gcj02', MAP_TILE_ATTRIBUTION: '高德' },
      'MAP_TILE_ATTRIBUTION, MAP_TILE_DATUM are set without MAP_TILE_URL',
    ],
  ])('refuses to start with %s', (_case, settings, message) => {
    expect(() => loadConfig({ ...base, ...settings })).toThrow(message)
  })
})

describe('class messages and the job queue', () => {
  it('offers every message kind with stand-in templates when the stand-in WeChat runs (no app secret)', () => {
    expect(loadConfig(base).classes).toEqual({
      messageTemplates: {
        sign_up_confirmed: 'stand-in-sign_up_confirmed',
        promoted: 'stand-in-promoted',
        reminder: 'stand-in-reminder',
        class_cancelled: 'stand-in-class_cancelled',
      },
      miniprogramState: 'formal',
    })
  })

  it('with real WeChat takes the configured templates; a kind without one is not offered', () => {
    const { classes } = loadConfig({
      ...base,
      WECHAT_APP_SECRET: 's',
      WECHAT_TEMPLATE_SIGN_UP_CONFIRMED: 'tplA',
      WECHAT_TEMPLATE_PROMOTED: 'tplB',
      WECHAT_MINIPROGRAM_STATE: 'trial',
    })
    expect(classes).toEqual({
      messageTemplates: { sign_up_confirmed: 'tplA', promoted: 'tplB', reminder: null, class_cancelled: null },
      miniprogramState: 'trial',
    })
    expect(() => loadConfig({ ...base, WECHAT_MINIPROGRAM_STATE: 'beta' })).toThrow(/WECHAT_MINIPROGRAM_STATE/)
  })

  it('polls the job queue every 2 s with 60 s leases unless told otherwise', () => {
    expect(loadConfig(base).jobs).toEqual({ pollMs: 2000, leaseSeconds: 60 })
    expect(loadConfig({ ...base, JOB_POLL_MS: '500', JOB_LEASE_SECONDS: '120' }).jobs).toEqual({ pollMs: 500, leaseSeconds: 120 })
    expect(() => loadConfig({ ...base, JOB_LEASE_SECONDS: '5' })).toThrow(/JOB_LEASE_SECONDS/)
  })
})

describe('SMS sender', () => {
  const tencent = {
    SMS_SENDER: 'tencent',
    TENCENT_SMS_SECRET_ID: 'AKIDexample',
    TENCENT_SMS_SECRET_KEY: 'key',
    TENCENT_SMS_SDK_APP_ID: '1400006666',
    TENCENT_SMS_SIGN_NAME: '吉林托育',
    TENCENT_SMS_TEMPLATE_ID: '1234567',
  }

  it('writes codes to the log unless told otherwise (development)', () => {
    expect(loadConfig(base).smsSender).toEqual({ kind: 'log' })
  })

  it('texts codes through Tencent Cloud SMS with SMS_SENDER=tencent, in ap-guangzhou at the official endpoint by default', () => {
    expect(loadConfig({ ...base, ...tencent }).smsSender).toEqual({
      kind: 'tencent',
      secretId: 'AKIDexample',
      secretKey: 'key',
      sdkAppId: '1400006666',
      signName: '吉林托育',
      templateId: '1234567',
      region: 'ap-guangzhou',
      endpoint: 'https://sms.tencentcloudapi.com',
    })
    expect(
      loadConfig({ ...base, ...tencent, TENCENT_SMS_REGION: 'ap-beijing', TENCENT_SMS_ENDPOINT: 'https://sms.ap-beijing.tencentcloudapi.com/' }).smsSender,
    ).toMatchObject({ region: 'ap-beijing', endpoint: 'https://sms.ap-beijing.tencentcloudapi.com' })
  })

  it('refuses SMS_SENDER=tencent without its settings, and unknown senders', () => {
    expect(() => loadConfig({ ...base, SMS_SENDER: 'tencent', TENCENT_SMS_SECRET_ID: 'AKIDexample' })).toThrow(
      'SMS_SENDER=tencent requires TENCENT_SMS_SECRET_KEY, TENCENT_SMS_SDK_APP_ID, TENCENT_SMS_SIGN_NAME, TENCENT_SMS_TEMPLATE_ID',
    )
    expect(() => loadConfig({ ...base, ...tencent, TENCENT_SMS_SDK_APP_ID: 'abc' })).toThrow(/TENCENT_SMS_SDK_APP_ID must be/)
    expect(() => loadConfig({ ...base, SMS_SENDER: 'aliyun' })).toThrow('SMS_SENDER "aliyun" is not supported (log, tencent)')
  })
})

describe('NODE_ENV=production', () => {
  const complete = {
    NODE_ENV: 'production',
    DATA_DIR: '/tmp/tuoyu-config-test',
    WECHAT_APP_ID: 'wx1234567890abcdef',
    WECHAT_APP_SECRET: 'app-secret',
    WECHAT_PUSH_TOKEN: 'pushToken123',
    PUBLIC_BASE_URL: 'https://bff.example.cn',
    SMS_SENDER: 'tencent',
    TENCENT_SMS_SECRET_ID: 'AKIDexample',
    TENCENT_SMS_SECRET_KEY: 'key',
    TENCENT_SMS_SDK_APP_ID: '1400006666',
    TENCENT_SMS_SIGN_NAME: '吉林托育',
    TENCENT_SMS_TEMPLATE_ID: '1234567',
    COMPLAINT_INTAKE_URLS: JSON.stringify(allIntakeUrls),
    SEED_DEMO: 'false',
    JWT_SECRET: 'j'.repeat(40),
    MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=key',
    MAP_TILE_SUBDOMAINS: '0,1,2,3,4,5,6,7',
    MAP_TILE_ATTRIBUTION: '天地图 GS(2024)0568号',
    MAP_TILE_DATUM: 'wgs84',
  }
  const required = [
    'WECHAT_APP_ID',
    'WECHAT_APP_SECRET',
    'WECHAT_PUSH_TOKEN',
    'PUBLIC_BASE_URL',
    'SMS_SENDER',
    'COMPLAINT_INTAKE_URLS',
    'SEED_DEMO',
    'JWT_SECRET',
    'MAP_TILE_URL',
    'MAP_TILE_DATUM',
    'MAP_TILE_ATTRIBUTION',
  ] as const
  const without = (...names: string[]) => Object.fromEntries(Object.entries(complete).filter(([name]) => !names.includes(name)))
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env)
    } catch (error) {
      return (error as Error).message
    }
    throw new Error('loadConfig started')
  }

  it('starts with real WeChat, a real SMS sender, real intake URLs, no demo data, a shared JWT secret and real map tiles', () => {
    const config = loadConfig(complete)
    expect(config.wechat).toMatchObject({ appId: 'wx1234567890abcdef', appSecret: 'app-secret' })
    expect(config.smsSender.kind).toBe('tencent')
    expect(config.complaints.intakeUrls).toEqual(allIntakeUrls)
    expect(config.seedDemo).toBe(false)
    expect(config.jwtSecret).toBe('j'.repeat(40))
    expect(config.mapTiles).toMatchObject({ kind: 'provider', tiles: { datum: 'wgs84', attribution: '天地图 GS(2024)0568号' } })
  })

  it('with nothing set, refuses to start and names every missing setting in one message', () => {
    const message = refusal({ NODE_ENV: 'production', DATA_DIR: '/tmp/tuoyu-config-test' })
    expect(message).toMatch(/^NODE_ENV=production: the BFF does not start with stand-ins or demo data/)
    for (const name of required) expect(message).toContain(`  - ${name}`)
    expect(message).toContain('SMS_SENDER=tencent: sign-in codes must be texted (the default, log, only writes them to the log)')
    expect(message).toContain('SEED_DEMO=false')
  })

  it.each(required)('refuses to start without %s, naming only it', (name) => {
    const message = refusal(without(name))
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toEqual([expect.stringMatching(new RegExp(`^  - ${name}[:=]`))])
  })

  it('refuses the log sender, demo data, an incomplete Tencent sender, a plain-http endpoint, public address or tile template, a made-up AppID', () => {
    expect(refusal({ ...complete, SMS_SENDER: 'log' })).toContain('SMS_SENDER=tencent: sign-in codes must be texted ("log" is not a real sender)')
    expect(refusal({ ...complete, SEED_DEMO: 'true' })).toContain('  - SEED_DEMO=false')
    const incomplete = refusal(without('TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_TEMPLATE_ID'))
    expect(incomplete).toContain('  - TENCENT_SMS_SECRET_KEY: required with SMS_SENDER=tencent')
    expect(incomplete).toContain('  - TENCENT_SMS_TEMPLATE_ID: required with SMS_SENDER=tencent')
    expect(refusal({ ...complete, TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:9000' })).toContain('  - TENCENT_SMS_ENDPOINT: must be https://')
    expect(refusal({ ...complete, PUBLIC_BASE_URL: 'http://bff.example.cn' })).toContain('got "http://bff.example.cn"')
    expect(refusal({ ...complete, MAP_TILE_URL: 'http://t{s}.tianditu.gov.cn/{z}/{x}/{y}' })).toContain(
      '  - MAP_TILE_URL: the https:// URL template of a licensed tile service with {z}, {x}, {y} (without it the H5 map draws plain grid stand-in tiles), got "http://t{s}.tianditu.gov.cn/{z}/{x}/{y}"',
    )
    expect(refusal({ ...complete, WECHAT_APP_ID: 'wx-stand-in-app' })).toContain(
      '  - WECHAT_APP_ID: the mini-program\'s AppID, "wx" and 16 hex digits, got "wx-stand-in-app"',
    )
  })

  it('development (NODE_ENV unset) still starts with the stand-ins and demo data', () => {
    const config = loadConfig(base)
    expect(config.smsSender).toEqual({ kind: 'log' })
    expect(config.wechat.appSecret).toBeNull()
    expect(config.complaints.intakeUrls).toBeNull()
    expect(config.seedDemo).toBe(true)
    expect(config.mapTiles.kind).toBe('stand-in')
  })
})

import { DEPARTMENTS } from '../types/complaints'
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
    expect(() => loadConfig({ ...base, PHOTO_STORAGE: 's3', S3_BUCKET: 'photos' })).toThrow('PHOTO_STORAGE=s3 requires S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY')
    const s3 = { S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'cn-north-1', S3_BUCKET: 'photos', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true' }
    expect(loadConfig({ ...base, PHOTO_STORAGE: 's3', ...s3 }).complaints.photoStorage).toEqual({
      kind: 's3', endpoint: 'http://minio:9000', region: 'cn-north-1', bucket: 'photos', accessKeyId: 'id', secretAccessKey: 'secret', forcePathStyle: true,
    })
    expect(() => loadConfig({ ...base, PHOTO_STORAGE: 'ftp' })).toThrow(/not supported/)
  })
})

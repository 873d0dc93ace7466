import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readWeappSettings } from './weapp-settings'

const production = { NODE_ENV: 'production' }
const good = { TARO_APP_API_BASE: 'https://bff.example.cn', TARO_APP_ID: 'wx1234567890abcdef' }

describe('weapp build settings', () => {
  it('a production build takes an https BFF and the AppID', () => {
    expect(readWeappSettings({ ...production, ...good })).toEqual({ apiBase: 'https://bff.example.cn', appId: 'wx1234567890abcdef' })
    expect(readWeappSettings({ ...production, ...good, TARO_APP_API_BASE: 'https://bff.example.cn:8443/tuoyu/' }).apiBase).toBe(
      'https://bff.example.cn:8443/tuoyu',
    )
  })

  it('a production build without settings names both, and says how development builds differ', () => {
    expect(() => readWeappSettings(production)).toThrow(/TARO_APP_API_BASE is not set[\s\S]*TARO_APP_ID is not set[\s\S]*npm run dev:weapp/)
    // Taro runs a plain `taro build` as production: an unset NODE_ENV is no way around the check.
    expect(() => readWeappSettings({})).toThrow(/TARO_APP_API_BASE is not set/)
  })

  it.each([
    ["the developer's BFF over http", 'http://127.0.0.1:3000', /must be an https:\/\/ URL/],
    ['plain http to a domain', 'http://bff.example.cn', /must be an https:\/\/ URL/],
    ['https to localhost', 'https://localhost:3000', /not localhost or an IP address/],
    ['https to an IP address', 'https://10.0.0.8', /not localhost or an IP address/],
    ['https to an IPv6 address', 'https://[::1]:3000', /not localhost or an IP address/],
    ['a relative path', '/api', /absolute URL/],
    ['a query string', 'https://bff.example.cn/?x=1', /plain base address/],
  ])('a production build refuses %s as the BFF', (_case, apiBase, message) => {
    expect(() => readWeappSettings({ ...production, ...good, TARO_APP_API_BASE: apiBase })).toThrow(message)
  })

  it.each(['touristappid', 'wx123', 'WX1234567890ABCDEF', 'tt1234567890abcdef'])('a production build refuses the AppID %s', (appId) => {
    expect(() => readWeappSettings({ ...production, ...good, TARO_APP_ID: appId })).toThrow(
      `TARO_APP_ID must be the mini-program's AppID, "wx" and 16 hex digits (e.g. wx1234567890abcdef), got "${appId}"`,
    )
  })

  it('a development build calls the local BFF and needs no AppID', () => {
    expect(readWeappSettings({ NODE_ENV: 'development' })).toEqual({ apiBase: 'http://127.0.0.1:3000', appId: null })
    expect(readWeappSettings({ NODE_ENV: 'development', TARO_APP_API_BASE: 'http://192.168.1.20:3000' }).apiBase).toBe('http://192.168.1.20:3000')
    expect(() => readWeappSettings({ NODE_ENV: 'development', TARO_APP_ID: 'touristappid' })).toThrow(/TARO_APP_ID must be/)
  })
})

describe('taro build --type weapp', () => {
  it('stops before building when the production settings are missing, naming them', () => {
    const outputRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-weapp-refused-'))
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: outputRoot, TARO_APP_API_BASE: 'http://127.0.0.1:3000' }
    delete env.TARO_APP_ID
    const build = spawnSync(process.execPath, ['node_modules/@tarojs/cli/bin/taro', 'build', '--type', 'weapp'], {
      cwd: path.resolve(__dirname, '..'),
      env,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(build.status).toBe(1)
    expect(build.stderr).toContain('TARO_APP_API_BASE must be an https:// URL in a production build')
    expect(build.stderr).toContain('TARO_APP_ID is not set')
    expect(fs.readdirSync(outputRoot)).toEqual([])
  })
})

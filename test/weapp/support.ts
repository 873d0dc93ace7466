import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { bffClient } from '../support/bff-client'
import { MiniProgram, type LaunchOptions } from './harness/mini-program'

const env = (name: string) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the weapp runtime tests with \`npm run test:weapp\``)
  return value
}

export const bff = () => bffClient(env('WEAPP_BFF_URL'), env('WEAPP_BFF_LOG'))
/** An access token of the 长春 regulator (made with the grant CLI, signed in once by the global set-up). */
export const regulatorToken = () => env('WEAPP_REGULATOR_TOKEN')

const open: MiniProgram[] = []
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

/** Starts the mini-program as WeChat would, on a phone of its own (or the same storage, to reopen it). */
export async function launch(options: Omit<LaunchOptions, 'buildDir' | 'domains'> = {}): Promise<MiniProgram> {
  const mp = await MiniProgram.launch({ ...options, buildDir: env('WEAPP_BUILD_DIR'), domains: { [env('WEAPP_API_BASE')]: env('WEAPP_BFF_URL') } })
  open.push(mp)
  return mp
}

beforeEach(() => {
  unhandled.length = 0
  process.on('unhandledRejection', onUnhandled)
})

/**
 * After every test, what WeChat would have shown in its console: exceptions in the app, a privacy prompt nobody could
 * answer, setData over 256 KB, body-less requests carrying a content type, and promises rejected with no handler.
 */
afterEach(async () => {
  const apps = open.splice(0)
  for (const mp of apps) await mp.close()
  process.off('unhandledRejection', onUnhandled)
  expect(apps.flatMap((mp) => mp.problems)).toEqual([])
  expect(apps.flatMap((mp) => mp.bodylessWithContentType().map((r) => `${r.method} ${r.url} ${JSON.stringify(r.appHeader)}`))).toEqual([])
  expect(unhandled.map((reason) => (reason as { errMsg?: string; message?: string })?.errMsg ?? (reason as Error)?.message ?? String(reason))).toEqual([])
})

/** The same person opens the mini-program again on the same phone: storage and WeChat's memory of them stay. */
export async function reopen(mp: MiniProgram, options: { path?: string } = {}): Promise<MiniProgram> {
  await mp.close()
  return launch({ ...options, storage: mp.storage, person: { ...mp.person, album: [...mp.person.album] } })
}

/** The parent agrees to the 用户隐私保护指引 when the app asks (it asks once, before the first privacy API). */
export async function agreeToPrivacyPrompt(mp: MiniProgram): Promise<void> {
  await mp.waitUntil(
    () => mp.privacyPromptShown(),
    10_000,
    () => 'the privacy prompt did not appear.',
  )
  await mp.tap('同意', { within: mp.layerOnTop() })
}

/** 我的 → 我已阅读并同意《隐私政策》 → 微信一键登录, as a parent signs in on a phone. */
export async function signInWithWechat(mp: MiniProgram): Promise<void> {
  await mp.tapTab('我的')
  if (mp.privacyPromptShown()) await mp.tap('同意', { within: mp.layerOnTop() })
  await mp.tap('我已阅读并同意') // the privacy policy, asked before signing in
  await mp.tap('微信一键登录')
  await mp.waitForText('已登录')
}

/** A photo in the phone's album: a real JPEG (`color` decides what it shows; the stand-in WeChat flags pure red as risky). */
export async function photo(color = '#3a7'): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-album-')), 'IMG_0001.jpg')
  await sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
    .jpeg()
    .toFile(file)
  return file
}

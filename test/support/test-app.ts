import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppSettings } from '../../server/app'
import { issueSession } from '../../server/features/auth/sessions'
import { localDirectoryStorage } from '../../server/features/complaints/photos/local-storage'
import { DEPARTMENTS, type Department } from '../../types/complaints'
import { startWechatStandIn, type WechatStandIn } from '../../server/shared/wechat/stand-in'
import type { TestDatabase } from './test-database'

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing'

/** Sign-in codes the app "sent", newest last, instead of an SMS gateway. */
export interface SentCode { phone: string; code: string }

export const TEST_PUSH_TOKEN = 'test-push-token'

/**
 * The app on the test database. Unless `settings.wechat` says otherwise it talks to its own stand-in WeChat server over
 * HTTP (content security checks every published text), closed with the app. WeChat's image fetches and pushes need a
 * listening app: tests of them call app.listen and point wechatCallbacks and the stand-in's push at it.
 */
export async function buildTestApp(testDb: TestDatabase, settings: Partial<AppSettings> = {}): Promise<{ app: FastifyInstance; sentCodes: SentCode[]; wechat: WechatStandIn | null }> {
  const sentCodes: SentCode[] = []
  const wechat = settings.wechat ? null : await startWechatStandIn({ appId: 'wx-test' })
  const app = await buildApp({
    database: testDb.database,
    reference: testDb.reference,
    settings: {
      jwtSecret: TEST_JWT_SECRET,
      accessTokenSeconds: 900,
      refreshTokenDays: 30,
      wechat: wechat ? { apiBase: wechat.url, appId: wechat.appId, appSecret: wechat.appSecret } : { apiBase: 'http://127.0.0.1:9', appId: 'wx-test', appSecret: 'test-secret' },
      // Nothing listens here until a test listens and says so.
      wechatCallbacks: { publicBaseUrl: 'http://127.0.0.1:9', pushToken: TEST_PUSH_TOKEN },
      redis: null,
      codeSender: { send: async (phone, code) => { sentCodes.push({ phone, code }) } },
      complaints: {
        acceptDays: 7,
        replyDays: 15,
        photoStorage: localDirectoryStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-photos-'))),
        // Nothing listens here: tests of forwarding start their own receiver and pass its URLs.
        intakeUrls: Object.fromEntries(DEPARTMENTS.map((d) => [d, `http://127.0.0.1:9/intake/${d}`])) as Record<Department, string>,
      },
      classes: {
        messageTemplates: { sign_up_confirmed: 'tpl-confirmed', promoted: 'tpl-promoted', reminder: 'tpl-reminder', class_cancelled: 'tpl-cancelled' },
        miniprogramState: 'formal',
      },
      ...settings,
    },
  })
  if (wechat) app.addHook('onClose', () => wechat.close())
  return { app, sentCodes, wechat }
}

let phoneSerial = 0

/** A signed-up parent with a live session, made directly in the database (sign-in itself is tested in the auth feature). */
export async function signedInUser(app: FastifyInstance, options: { phone?: string } = {}) {
  phoneSerial += 1
  const phone = options.phone ?? `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phoneSerial).padStart(4, '0')}`
  const user = await app.database.db.insertInto('users').values({ phone }).returning('id').executeTakeFirstOrThrow()
  const session = await issueSession(app, user.id, 'phone')
  return { ...session, userId: user.id, phone, headers: { authorization: `Bearer ${session.accessToken}` } }
}

/** Grants a role straight in the database, e.g. the first regulator (normally done with the grant CLI). */
export async function grantRole(app: FastifyInstance, userId: string, grant: { role: 'committee'; institutionId: string } | { role: 'centre_staff'; centreId: string } | { role: 'regulator'; regionCode: string }) {
  return app.database.db.insertInto('roleGrants').values({ userId, ...grant }).returning('id').executeTakeFirstOrThrow()
}

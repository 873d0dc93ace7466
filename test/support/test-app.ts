import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppSettings } from '../../server/app'
import { issueSession } from '../../server/features/auth/session-service'
import { localDirectoryStorage } from '../../server/features/complaints/photos/local-storage'
import { DEPARTMENTS, type Department } from '../../types/complaints'
import { startWechatStandIn, type WechatStandIn } from '../../server/shared/wechat/stand-in'
import { createTestDatabase, type TestDatabase } from './test-database'

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing'

/** Sign-in codes the app "sent", newest last, instead of an SMS gateway. */
export interface SentCode {
  phone: string
  code: string
}

export const TEST_PUSH_TOKEN = 'test-push-token'

/**
 * The app on the test database. Unless `settings.wechat` says otherwise it talks to its own stand-in WeChat server over
 * HTTP (content security checks every published text), closed with the app. WeChat's image fetches and pushes need a
 * listening app: tests of them call app.listen and point wechatCallbacks and the stand-in's push at it.
 */
export async function buildTestApp(
  testDb: TestDatabase,
  settings: Partial<AppSettings> = {},
): Promise<{ app: FastifyInstance; sentCodes: SentCode[]; wechat: WechatStandIn | null }> {
  const sentCodes: SentCode[] = []
  const wechat = settings.wechat ? null : await startWechatStandIn({ appId: 'wx-test' })
  const app = await buildApp({
    database: testDb.database,
    reference: testDb.reference,
    settings: {
      jwtSecret: TEST_JWT_SECRET,
      accessTokenSeconds: 900,
      refreshTokenDays: 30,
      wechat: wechat
        ? { apiBase: wechat.url, appId: wechat.appId, appSecret: wechat.appSecret }
        : { apiBase: 'http://127.0.0.1:9', appId: 'wx-test', appSecret: 'test-secret' },
      // Nothing listens here until a test listens and says so.
      wechatCallbacks: { publicBaseUrl: 'http://127.0.0.1:9', pushToken: TEST_PUSH_TOKEN },
      redis: null,
      codeSender: {
        send: async (phone, code) => {
          sentCodes.push({ phone, code })
        },
      },
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
      // A write is seen by the very next search, as the tests expect; production reads the change log every second.
      nearbyIndex: { refreshMs: 0 },
      ...settings,
    },
  })
  if (wechat) app.addHook('onClose', () => wechat.close())
  return { app, sentCodes, wechat }
}

/** A stand-in for an object made later: every use is passed to the real one, which must exist by then. */
function lateBound<T extends object>(name: string, get: () => T | null | undefined): T {
  const real = () => {
    const target = get()
    if (!target) throw new Error(`${name} is used before useTestApp's beforeAll has run: use it inside hooks and tests`)
    return target
  }
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = real()
      const value = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    // So that `{ ...testDb }` copies the real object's fields.
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key)
      return descriptor && { ...descriptor, configurable: true }
    },
  })
}

export interface TestApp {
  app: FastifyInstance
  testDb: TestDatabase
  /** Sign-in codes the app "sent" by SMS, newest last. */
  sentCodes: SentCode[]
  /** The app's own stand-in WeChat server (absent when `settings.wechat` points elsewhere). */
  wechat: WechatStandIn
}

/**
 * One test file's database and app: made in a beforeAll, closed in an afterAll. The fields stand for objects that
 * exist from then on, so use them inside hooks and tests. `settings` may be a function, read when the app is built:
 * for settings that come from a stand-in started in an earlier beforeAll of the file.
 */
export function useTestApp(settings: Partial<AppSettings> | (() => Partial<AppSettings>) = {}): TestApp {
  let built: { testDb: TestDatabase; app: FastifyInstance; sentCodes: SentCode[]; wechat: WechatStandIn | null } | null = null
  beforeAll(async () => {
    const testDb = await createTestDatabase()
    built = { testDb, ...(await buildTestApp(testDb, typeof settings === 'function' ? settings() : settings)) }
  })
  afterAll(async () => {
    await built?.app.close()
    await built?.testDb.close()
  })
  return {
    app: lateBound('app', () => built?.app),
    testDb: lateBound('testDb', () => built?.testDb),
    sentCodes: lateBound('sentCodes', () => built?.sentCodes),
    wechat: lateBound('wechat', () => built?.wechat),
  }
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

export type RoleGrant = { role: 'committee'; institutionId: string } | { role: 'centre_staff'; centreId: string } | { role: 'regulator'; regionCode: string }

/** Grants a role straight in the database, e.g. the first regulator (normally done with the grant CLI). */
export async function grantRole(app: FastifyInstance, userId: string, grant: RoleGrant) {
  return app.database.db
    .insertInto('roleGrants')
    .values({ userId, ...grant })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** A signed-in user holding the roles, granted straight in the database. */
export async function signedInWith(app: FastifyInstance, ...grants: RoleGrant[]) {
  const user = await signedInUser(app)
  for (const grant of grants) await grantRole(app, user.userId, grant)
  return user
}

/** A signed-in regulator of the region: a 市州, or the whole province (220000). */
export const signedInRegulator = (app: FastifyInstance, regionCode: string) => signedInWith(app, { role: 'regulator', regionCode })

/** A signed-in member of staff of the health centres. */
export const signedInCentreStaff = (app: FastifyInstance, ...centreIds: string[]) =>
  signedInWith(app, ...centreIds.map((centreId): RoleGrant => ({ role: 'centre_staff', centreId })))

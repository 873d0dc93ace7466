import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely'
import type { Database, LoginCodesTable, SessionsTable, UsersTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export interface SignedInUser {
  id: string
  isNew: boolean
}

// ON CONFLICT … DO UPDATE makes two concurrent first sign-ins end with one user; xmax = 0 only on the inserted row.
export async function findOrCreateUserByOpenid(db: Db, openid: string): Promise<SignedInUser> {
  return db
    .insertInto('users')
    .values({ wechatOpenid: openid })
    .onConflict((oc) => oc.column('wechatOpenid').doUpdateSet({ lastSignInAt: sql`now()` }))
    .returning(['id', sql<boolean>`(xmax = 0)`.as('isNew')])
    .executeTakeFirstOrThrow()
}

export async function findOrCreateUserByPhone(db: Db, phone: string): Promise<SignedInUser> {
  return db
    .insertInto('users')
    .values({ phone })
    .onConflict((oc) => oc.column('phone').doUpdateSet({ lastSignInAt: sql`now()` }))
    .returning(['id', sql<boolean>`(xmax = 0)`.as('isNew')])
    .executeTakeFirstOrThrow()
}

/** Serialises sign-ins of the same phone and the same WeChat user until the transaction ends. */
export async function lockSignInOf(trx: Transaction<Database>, phone: string, openid: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`sign-in-phone:${phone}`}))`.execute(trx)
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`sign-in-openid:${openid}`}))`.execute(trx)
}

export async function findUserByPhone(db: Db, phone: string) {
  return db.selectFrom('users').select(['id', 'wechatOpenid']).where('phone', '=', phone).executeTakeFirst()
}

export async function findUserByOpenid(db: Db, openid: string) {
  return db.selectFrom('users').select(['id', 'phone']).where('wechatOpenid', '=', openid).executeTakeFirst()
}

/** Stamps the sign-in, and gives the account a phone or openid it takes with it. */
export async function recordSignIn(db: Db, userId: string, takes: Pick<Updateable<UsersTable>, 'phone' | 'wechatOpenid'> = {}): Promise<void> {
  await db
    .updateTable('users')
    .set({ lastSignInAt: sql`now()`, ...takes })
    .where('id', '=', userId)
    .execute()
}

export async function insertUser(db: Db, user: Pick<Insertable<UsersTable>, 'phone' | 'wechatOpenid'>): Promise<string> {
  const created = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow()
  return created.id
}

// ---- one-time sign-in codes ----

/** Serialises code requests for one phone until the transaction ends, so two at once cannot both pass the limits. */
export async function lockPhone(trx: Transaction<Database>, phone: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`login-code:${phone}`}))`.execute(trx)
}

export interface RecentCodes {
  inLastHour: number
  /** Seconds until the newest code is `resendAfterSeconds` old; 0 or less when a new one may be sent. */
  cooldownLeftSeconds: number
  /** Seconds until the oldest code of the last hour drops out of it. */
  hourSlotFreeInSeconds: number
}

export async function recentCodes(db: Db, phone: string, resendAfterSeconds: number): Promise<RecentCodes> {
  // Computed by the database, so the clocks of several BFF instances never matter.
  const { rows } = await sql<RecentCodes>`
    SELECT count(*)::int AS in_last_hour,
      coalesce(ceil(extract(epoch FROM max(created_at) + make_interval(secs => ${resendAfterSeconds}) - now())), 0)::int AS cooldown_left_seconds,
      coalesce(ceil(extract(epoch FROM min(created_at) + interval '1 hour' - now())), 0)::int AS hour_slot_free_in_seconds
    FROM login_codes
    WHERE phone = ${phone} AND created_at > now() - interval '1 hour'`.execute(db)
  return rows[0]!
}

/** A new code makes the older ones of the phone useless. */
export async function expireOpenCodes(db: Db, phone: string): Promise<void> {
  await db
    .updateTable('loginCodes')
    .set({ expiresAt: sql`now()` })
    .where('phone', '=', phone)
    .where('consumedAt', 'is', null)
    .where('expiresAt', '>', sql<string>`now()`)
    .execute()
}

export async function insertLoginCode(
  db: Db,
  code: Pick<Insertable<LoginCodesTable>, 'phone' | 'codeHash' | 'requestedIp'> & { validSeconds: number },
): Promise<number> {
  const row = await db
    .insertInto('loginCodes')
    .values({
      phone: code.phone,
      codeHash: code.codeHash,
      requestedIp: code.requestedIp,
      expiresAt: sql<string>`now() + make_interval(secs => ${code.validSeconds})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteLoginCode(db: Db, id: number): Promise<void> {
  await db.deleteFrom('loginCodes').where('id', '=', id).execute()
}

export type CodeCheck = { outcome: 'matched' } | { outcome: 'wrong'; attemptsLeft: number } | { outcome: 'no-live-code' }

/**
 * Checks a code against the phone's newest one and, in the same statement, either consumes it or counts a
 * wrong attempt. Row locking serialises concurrent checks, so a code is consumed once and a dead code
 * (maxWrongAttempts reached) never matches, however many guesses arrive at once.
 */
export async function checkAndConsumeCode(db: Db, phone: string, codeHash: string, maxWrongAttempts: number): Promise<CodeCheck> {
  const { rows } = await sql<{ matched: boolean; failedAttempts: number }>`
    UPDATE login_codes SET
      consumed_at = CASE WHEN code_hash = ${codeHash} THEN now() ELSE NULL END,
      failed_attempts = failed_attempts + CASE WHEN code_hash = ${codeHash} THEN 0 ELSE 1 END
    WHERE id = (SELECT id FROM login_codes WHERE phone = ${phone} ORDER BY created_at DESC, id DESC LIMIT 1)
      AND consumed_at IS NULL AND expires_at > now() AND failed_attempts < ${maxWrongAttempts}
    RETURNING consumed_at IS NOT NULL AS matched, failed_attempts`.execute(db)
  const row = rows[0]
  if (!row) return { outcome: 'no-live-code' }
  if (row.matched) return { outcome: 'matched' }
  return { outcome: 'wrong', attemptsLeft: maxWrongAttempts - row.failedAttempts }
}

// ---- refresh sessions ----

export async function insertSession(
  db: Db,
  session: Pick<Insertable<SessionsTable>, 'id' | 'userId' | 'refreshTokenHash' | 'method' | 'expiresAt'>,
): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

/** Swaps the refresh secret of a live session if the presented one is its current one; undefined otherwise. */
export async function rotateSession(
  db: Db,
  sessionId: string,
  presentedHash: string,
  next: Required<Pick<Updateable<SessionsTable>, 'refreshTokenHash' | 'expiresAt'>>,
) {
  return db
    .updateTable('sessions')
    .set(next)
    .where('id', '=', sessionId)
    .where('refreshTokenHash', '=', presentedHash)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', sql<string>`now()`)
    .returning(['userId', 'method'])
    .executeTakeFirst()
}

export async function revokeSession(db: Db, sessionId: string): Promise<boolean> {
  const revoked = await db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()` })
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return revoked !== undefined
}

/**
 * Sign-in codes, with the IP address that asked for them, are kept one day: the per-phone limits look back an hour,
 * and nothing needs them longer (PIPL: keep personal data no longer than the purpose needs).
 */
export async function purgeOldLoginCodes(db: Db, keepHours = 24): Promise<number> {
  const result = await db
    .deleteFrom('loginCodes')
    .where('createdAt', '<', sql<string>`now() - make_interval(hours => ${keepHours})`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

import { sql } from 'kysely'
import { startWechatStandIn, type WechatStandIn } from '../../shared/wechat/stand-in'
import { startJobWorker, type JobWorker } from '../../shared/jobs/worker'
import { classJobHandlers } from './message-handlers'
import { signedInCentreStaff, useTestApp } from '../../../test/support/test-app'
import {
  aClass,
  aParent,
  cancelSignUp,
  chinaTime,
  hoursFromNow,
  jobsFor,
  published,
  replaceClass,
  replacementOf,
  signUpFor,
  type Headers,
} from './test-fixtures'
import { aHealthCentre } from '../../../test/support/seed-registry'

const ALL = ['sign_up_confirmed', 'promoted', 'reminder', 'class_cancelled']

const { app } = useTestApp()
let wechat: WechatStandIn
let worker: JobWorker
let staff: Headers
let centreId: string
let openids = 0

/** A parent signed in with WeChat (an openid), as the mini-program makes them. */
async function wechatParent() {
  openids += 1
  const openid = `o-parent-${openids}-${Date.now()}`
  return { ...(await aParent(app, { openid })), openid }
}

/** Runs every job due now, as the BFF's worker does on its next poll. */
const runDueJobs = async () => {
  while ((await worker.runOnce()) > 0) {
    /* until nothing is due */
  }
}
const messagesTo = (openid: string) => wechat.messages.filter((m) => m.touser === openid)
const makeDue = (signUpId: string, kind: string) =>
  app.database.db
    .updateTable('jobs')
    .set({ runAt: sql<string>`now()` })
    .where('kind', '=', kind)
    .where(sql`payload->>'signUpId'`, '=', signUpId)
    .execute()
const myClass = (overrides = {}) => published(app, staff, aClass(centreId, overrides))

beforeAll(async () => {
  wechat = await startWechatStandIn({ appId: 'wx-classes' })
  app.settings.wechat = { apiBase: wechat.url, appId: wechat.appId, appSecret: wechat.appSecret }
  worker = startJobWorker({ db: app.database.db, log: app.log, instanceId: 'bff-test', handlers: classJobHandlers(app), pollMs: 3_600_000 })
  centreId = (await aHealthCentre(app)).id
  staff = (await signedInCentreStaff(app, centreId)).headers
})

afterAll(async () => {
  await worker.stop()
  await wechat.close()
})

describe('WeChat messages about sign-ups', () => {
  it('confirms a seat once, to the parent, opening the class page', async () => {
    const classId = await myClass({ title: '婴幼儿辅食添加与喂养', startsAt: chinaTime(3, 14), endsAt: chinaTime(3, 15) })
    const parent = await wechatParent()
    await signUpFor(app, parent.headers, classId, { subscribed: ALL })
    await runDueJobs()
    await runDueJobs()
    expect(messagesTo(parent.openid)).toEqual([
      expect.objectContaining({
        templateId: 'tpl-confirmed',
        page: `pages/class/index?id=${classId}`,
        data: expect.objectContaining({ thing1: { value: '婴幼儿辅食添加与喂养' }, thing3: { value: '中心三楼健康教育室' } }),
      }),
    ])
    const time2 = (messagesTo(parent.openid)[0].data as Record<string, { value: string }>).time2.value
    expect(time2).toMatch(/^\d{4}年\d\d月\d\d日 14:00$/)
  })

  it('tells the first waiting parent once when promoted, and nobody else', async () => {
    const classId = await myClass({ capacity: 1 })
    const [holder, first, second] = [await wechatParent(), await wechatParent(), await wechatParent()]
    const seat = (await signUpFor(app, holder.headers, classId, { subscribed: ['sign_up_confirmed'] })).json()
    await signUpFor(app, first.headers, classId, { subscribed: ALL })
    await signUpFor(app, second.headers, classId, { subscribed: ALL })
    await runDueJobs()
    expect(messagesTo(first.openid)).toEqual([]) // waiting: nothing to confirm yet

    await cancelSignUp(app, holder.headers, seat.id)
    await runDueJobs()
    await runDueJobs()
    expect(messagesTo(first.openid)).toEqual([expect.objectContaining({ templateId: 'tpl-promoted', page: `pages/class/index?id=${classId}` })])
    expect(messagesTo(second.openid)).toEqual([])
  })

  it('reminds a day before, once; not when the seat was given up or the class cancelled', async () => {
    const classId = await myClass({ startsAt: chinaTime(3, 9, 30), endsAt: chinaTime(3, 11) })
    const [kept, gaveUp] = [await wechatParent(), await wechatParent()]
    const keptSeat = (await signUpFor(app, kept.headers, classId, { subscribed: ['reminder'] })).json()
    const givenUp = (await signUpFor(app, gaveUp.headers, classId, { subscribed: ['reminder'] })).json()
    const [reminder] = await jobsFor(app, keptSeat.id)
    expect(Date.parse(reminder.runAt)).toBe(Date.parse(chinaTime(3, 9, 30)) - 24 * 3600_000)
    await runDueJobs()
    expect(messagesTo(kept.openid)).toEqual([]) // not yet due

    await cancelSignUp(app, gaveUp.headers, givenUp.id)
    await makeDue(keptSeat.id, 'classes.reminder')
    await makeDue(givenUp.id, 'classes.reminder')
    await runDueJobs()
    await runDueJobs()
    expect(messagesTo(kept.openid)).toEqual([expect.objectContaining({ templateId: 'tpl-reminder' })])
    expect(messagesTo(gaveUp.openid)).toEqual([])
    expect((await jobsFor(app, givenUp.id))[0]).toMatchObject({ lastError: 'skipped: sign-up is cancelled' })

    const cancelledClass = await myClass()
    const parent = await wechatParent()
    const seat = (await signUpFor(app, parent.headers, cancelledClass, { subscribed: ['reminder'] })).json()
    await app.inject({ method: 'POST', url: `/api/centre/classes/${cancelledClass}/cancel`, headers: staff, payload: { reason: '暴雪停课' } })
    await makeDue(seat.id, 'classes.reminder')
    await runDueJobs()
    expect(messagesTo(parent.openid)).toEqual([])
  })

  it('queues no reminder for a seat taken less than a day before, and moves reminders with the class', async () => {
    const soon = await myClass({ startsAt: hoursFromNow(10), endsAt: hoursFromNow(11) })
    const late = await wechatParent()
    const lateSeat = (await signUpFor(app, late.headers, soon, { subscribed: ALL })).json()
    expect((await jobsFor(app, lateSeat.id)).map((j) => j.kind)).toEqual(['classes.sign_up_confirmed'])

    const moving = await myClass({ startsAt: chinaTime(3, 14), endsAt: chinaTime(3, 15) })
    const parent = await wechatParent()
    const seat = (await signUpFor(app, parent.headers, moving, { subscribed: ['reminder'] })).json()
    const moved = await replaceClass(app, staff, moving, await replacementOf(app, staff, moving, { startsAt: chinaTime(5, 9), endsAt: chinaTime(5, 10) }))
    expect(moved.statusCode).toBe(200)
    const [reminder] = await jobsFor(app, seat.id)
    expect(Date.parse(reminder.runAt)).toBe(Date.parse(chinaTime(5, 9)) - 24 * 3600_000)
  })

  it('tells every parent with a live sign-up once when the centre cancels the class, with the reason', async () => {
    const classId = await myClass({ capacity: 1 })
    const [seated, waiting] = [await wechatParent(), await wechatParent()]
    await signUpFor(app, seated.headers, classId, { subscribed: ['class_cancelled'] })
    await signUpFor(app, waiting.headers, classId, { subscribed: ['class_cancelled'] })
    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/centre/classes/${classId}/cancel`,
      headers: staff,
      payload: { reason: '主讲专家临时出诊' },
    })
    expect(cancelled.statusCode).toBe(200)
    await runDueJobs()
    await runDueJobs()
    for (const parent of [seated, waiting]) {
      expect(messagesTo(parent.openid)).toEqual([
        expect.objectContaining({
          templateId: 'tpl-cancelled',
          page: `pages/class/index?id=${classId}`,
          data: expect.objectContaining({ thing3: { value: '主讲专家临时出诊' }, thing4: { value: '咨询电话0431-80000001' } }),
        }),
      ])
    }
  })

  it('sends nothing to an H5-only parent or for a kind not accepted; they see the state in 我的报名', async () => {
    const classId = await myClass()
    const h5 = await aParent(app)
    const seat = (await signUpFor(app, h5.headers, classId, { subscribed: ['sign_up_confirmed'] })).json()
    const declined = await wechatParent()
    const declinedSeat = (await signUpFor(app, declined.headers, classId, { subscribed: [] })).json()
    const before = wechat.messages.length
    await runDueJobs()
    expect(wechat.messages.length).toBe(before)
    expect((await jobsFor(app, seat.id))[0]).toMatchObject({ lastError: 'skipped: parent has no WeChat openid' })
    expect(await jobsFor(app, declinedSeat.id)).toEqual([])
    expect((await app.inject({ method: 'GET', url: '/api/sign-ups', headers: h5.headers })).json().upcoming[0].status).toBe('confirmed')
  })

  it('keeps a message while WeChat is down and sends it once WeChat is back', async () => {
    const classId = await myClass()
    const parent = await wechatParent()
    const seat = (await signUpFor(app, parent.headers, classId, { subscribed: ['sign_up_confirmed'] })).json()
    const working = app.settings.wechat
    app.settings.wechat = { ...working, apiBase: 'http://127.0.0.1:9' }
    await worker.runOnce()
    const [failed] = await jobsFor(app, seat.id)
    expect(failed.doneAt).toBeNull()
    expect(failed.lastError).toMatch(/fetch failed|ECONNREFUSED/)

    app.settings.wechat = working
    await makeDue(seat.id, 'classes.sign_up_confirmed')
    await runDueJobs()
    expect(messagesTo(parent.openid)).toHaveLength(1)
  })

  it('offers only the kinds with a template, and skips a kind whose template was removed', async () => {
    const templates = app.settings.classes.messageTemplates
    expect((await app.inject({ method: 'GET', url: '/api/classes/message-templates' })).json()).toEqual(templates)
    app.settings.classes.messageTemplates = { ...templates, reminder: null }
    try {
      expect((await app.inject({ method: 'GET', url: '/api/classes/message-templates' })).json().reminder).toBeNull()
      const classId = await myClass()
      const parent = await wechatParent()
      const seat = (await signUpFor(app, parent.headers, classId, { subscribed: ['reminder'] })).json()
      await makeDue(seat.id, 'classes.reminder')
      await runDueJobs()
      expect(messagesTo(parent.openid)).toEqual([])
      expect((await jobsFor(app, seat.id))[0]).toMatchObject({ lastError: 'skipped: no template configured' })
    } finally {
      app.settings.classes.messageTemplates = templates
    }
  })
})

import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import type { TSchema } from '@sinclair/typebox'
import { Article, ArticleList, TagList } from '../../types/articles'
import { PhoneCodeSent, SessionTokens } from '../../types/auth'
import { Bulletin, BulletinList } from '../../types/bulletins'
import { ClassSearchResult, MessageTemplates, MySignUps, ParentingClassDetail, SignUp } from '../../types/classes'
import { ComplaintList, ComplaintView, FiledComplaint, UploadedPhoto } from '../../types/complaints'
import { GradeScheme } from '../../types/grades'
import { GuidanceRequest, GuidanceRequestList } from '../../types/guidance'
import { InstitutionPriceCheck } from '../../types/guide-prices'
import { CompareResponse, InstitutionDetail, InstitutionPage } from '../../types/institutions'
import { ChildList, Child, LinkedInstitution, LinkedInstitutionList, Me } from '../../types/me'
import { CommitteeNotice, CommitteeNoticeList, CommitteePage, Notice, NoticeList, ReportReceipt, UnreadCount, UploadedNoticeImage } from '../../types/notices'
import { PrepaymentStatus } from '../../types/prepayments'
import { PrivacyPolicy } from '../../types/privacy'
import { RegionsResponse } from '../../types/regions'
import { SanctionList } from '../../types/sanctions'
import { Stats } from '../../types/stats'
import { MySubsidies, NetCost, SubsidyEstimate, SubsidyProgrammeList } from '../../types/subsidies'
import { classFixture, signUpFixture } from '../fixtures/app/classes'
import { feeDetailFixture, netCostFixtures, priceCheckFixtures } from '../fixtures/app/costs'
import { guidanceFixture } from '../fixtures/app/guidance'
import { prepaymentFixtures } from '../fixtures/app/prepayments'
import { committeeNoticeFixture, noticeListFixture } from '../fixtures/app/notices'
import { childOf, meWithoutConsentsFixture } from '../fixtures/app/account'
import { complaintListFixture, openComplaintFixture } from '../fixtures/app/complaints'

// The app's tests and the H5 preview trust these answers: each must be what the BFF's contract says for its route.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }))

function errorsOf(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema)
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

const ID = 'b0e1e000-0000-4000-8000-000000000001'

/** Every route the app calls with a JSON answer, and the contract's schema for that answer. */
const routes: Array<[method: string, path: string, schema: TSchema]> = [
  ['GET', '/regions', RegionsResponse],
  ['GET', '/grade-scheme', GradeScheme],
  ['GET', '/institutions?page=1', InstitutionPage],
  ['GET', `/institutions/compare?ids=${ID},${ID}`, CompareResponse],
  ['GET', `/institutions/${ID}`, InstitutionDetail],
  ['GET', `/institutions/${ID}/price-check`, InstitutionPriceCheck],
  ['GET', `/institutions/${ID}/net-cost?birthMonth=2025-10&form=full_day`, NetCost],
  ['GET', `/institutions/${ID}/prepayment`, PrepaymentStatus],
  ['POST', '/auth/wechat', SessionTokens],
  ['POST', '/auth/wechat/phone', SessionTokens],
  ['POST', '/auth/phone/code', PhoneCodeSent],
  ['POST', '/auth/phone', SessionTokens],
  ['POST', '/auth/refresh', SessionTokens],
  ['GET', '/privacy-policy', PrivacyPolicy],
  ['GET', '/me', Me],
  ['POST', '/me/consents', Me],
  ['GET', '/me/children', ChildList],
  ['POST', '/me/children', Child],
  ['PUT', `/me/children/${ID}`, Child],
  ['GET', '/me/institutions', LinkedInstitutionList],
  ['POST', '/me/institutions', LinkedInstitution],
  ['GET', '/classes?page=1', ClassSearchResult],
  ['GET', '/classes/message-templates', MessageTemplates],
  ['GET', `/classes/${ID}`, ParentingClassDetail],
  ['POST', `/classes/${ID}/sign-ups`, SignUp],
  ['GET', '/sign-ups', MySignUps],
  ['POST', `/sign-ups/${ID}/cancel`, SignUp],
  ['POST', '/complaints/photos', UploadedPhoto],
  ['POST', '/complaints/track', ComplaintView],
  ['POST', '/complaints', FiledComplaint],
  ['GET', '/me/complaints', ComplaintList],
  ['GET', '/complaints/TS20261128ABC234', ComplaintView],
  ['POST', '/guidance-requests', GuidanceRequest],
  ['GET', '/guidance-requests', GuidanceRequestList],
  ['GET', `/guidance-requests/${ID}`, GuidanceRequest],
  ['POST', `/guidance-requests/${ID}/cancel`, GuidanceRequest],
  ['GET', '/me/notices/unread', UnreadCount],
  ['GET', `/institutions/${ID}/notices`, NoticeList],
  ['POST', `/institutions/${ID}/notices`, CommitteeNotice],
  ['GET', `/institutions/${ID}/committee/notices`, CommitteeNoticeList],
  ['GET', `/institutions/${ID}/committee`, CommitteePage],
  ['POST', '/notices/images', UploadedNoticeImage],
  ['GET', `/notices/${ID}`, Notice],
  ['PUT', `/notices/${ID}`, CommitteeNotice],
  ['POST', `/notices/${ID}/report`, ReportReceipt],
  ['GET', '/articles?page=1', ArticleList],
  ['GET', '/articles/tags', TagList],
  ['GET', `/articles/${ID}`, Article],
  ['GET', '/bulletins?page=1', BulletinList],
  ['GET', `/bulletins/${ID}`, Bulletin],
  ['GET', '/sanctions?page=1', SanctionList],
  ['GET', '/stats', Stats],
  ['GET', '/subsidies/programmes?cityCode=220100', SubsidyProgrammeList],
  ['GET', '/subsidies/estimate?birthMonth=2025-10&cityCode=220100', SubsidyEstimate],
  ['GET', '/me/subsidies?cityCode=220100', MySubsidies],
]

describe('the msw handlers answer as the contract says', () => {
  it.each(routes)('%s %s', async (method, path, schema) => {
    const response = await fetch(`http://localhost/api${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: '{}' }),
    })
    expect(response.ok).toBe(true)
    expect(errorsOf(schema, await response.json())).toEqual([])
  })

  it('and so do the fixture builders tests answer with', () => {
    const item = classFixture({ mode: 'online', onlineUrl: 'https://meeting.example.com/j/1' })
    expect(errorsOf(ParentingClassDetail, item)).toEqual([])
    expect(errorsOf(SignUp, signUpFixture(item, { status: 'waiting', waitingPosition: 3 }))).toEqual([])
    for (const status of ['requested', 'scheduled', 'done', 'declined', 'cancelled'] as const)
      expect(errorsOf(GuidanceRequest, guidanceFixture(status))).toEqual([])
    expect(errorsOf(CommitteeNotice, committeeNoticeFixture(undefined, { status: 'taken_down', takedownReason: '含不实信息' }))).toEqual([])
    expect(errorsOf(NoticeList, noticeListFixture())).toEqual([])
    expect(errorsOf(Me, meWithoutConsentsFixture())).toEqual([])
    expect(errorsOf(Child, childOf({ nickname: '大宝' }))).toEqual([])
    expect(errorsOf(ComplaintList, complaintListFixture([openComplaintFixture({ status: 'accepted' })]))).toEqual([])
    for (const status of Object.values(prepaymentFixtures)) expect(errorsOf(PrepaymentStatus, status)).toEqual([])
    expect(errorsOf(InstitutionDetail, feeDetailFixture)).toEqual([])
    for (const check of Object.values(priceCheckFixtures)) expect(errorsOf(InstitutionPriceCheck, check)).toEqual([])
    for (const cost of Object.values(netCostFixtures)) expect(errorsOf(NetCost, cost)).toEqual([])
  })
})

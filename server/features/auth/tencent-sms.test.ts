import net from 'node:net'
import { useTestApp } from '../../../test/support/test-app'
import { CodeDeliveryError, type CodeSender } from './code-sender'
import { startSmsStandIn, type SmsStandIn } from './sms-stand-in'
import { tc3Authorization, tencentSmsSender, type TencentSmsSettings } from './tencent-sms'
import { nextIp } from './test-helpers'

let standIn: SmsStandIn
let settings: TencentSmsSettings

beforeAll(async () => {
  standIn = await startSmsStandIn({ secretId: 'AKIDtest1234567890', secretKey: 'sms-secret-key-for-tests', sdkAppId: '1400123456' })
  settings = {
    secretId: standIn.secretId,
    secretKey: standIn.secretKey,
    sdkAppId: standIn.sdkAppId,
    signName: '吉林托育',
    templateId: '2345678',
    region: 'ap-guangzhou',
    endpoint: standIn.url,
  }
})

afterAll(async () => {
  await standIn?.close()
})

let serial = 0
const newPhone = () => `139${String(process.pid % 1e4).padStart(4, '0')}${String(++serial).padStart(4, '0')}`

/** A port nothing listens on (fetch refuses some well-known ones, such as 9, before connecting). */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function deliveryFailure(sender: CodeSender, phone: string): Promise<CodeDeliveryError> {
  const error = await sender.send(phone, '482913').then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CodeDeliveryError)
  return error as CodeDeliveryError
}

describe('TC3-HMAC-SHA256', () => {
  it("signs the example of Tencent Cloud's API 3.0 signature guide to its published signature", () => {
    expect(
      tc3Authorization({
        secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
        secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
        service: 'cvm',
        timestamp: 1551113065,
        payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
        signedHeaders: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com' },
      }),
    ).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    )
  })
})

describe('Tencent Cloud SMS sender', () => {
  it('sends the code to the +86 number with the sign and template, signed so that the SMS service accepts it', async () => {
    const phone = newPhone()
    await tencentSmsSender(settings).send(phone, '482913')
    expect(standIn.messages.at(-1)).toMatchObject({ phone: `+86${phone}`, signName: '吉林托育', templateId: '2345678', params: ['482913'] })
    expect(standIn.regions.at(-1)).toBe('ap-guangzhou')
  })

  it('fails with "refused" when the SMS service will not send to the number, naming its code but not the number', async () => {
    const phone = newPhone()
    standIn.refuse(`+86${phone}`, 'LimitExceeded.PhoneNumberDailyLimit')
    const before = standIn.messages.length
    const error = await deliveryFailure(tencentSmsSender(settings), phone)
    expect(error.reason).toBe('refused')
    expect(error.message).toContain('LimitExceeded.PhoneNumberDailyLimit')
    expect(error.message).toContain(`+86${phone.slice(0, 3)}****${phone.slice(-4)}`)
    expect(error.message).not.toContain(phone)
    expect(standIn.messages).toHaveLength(before)
  })

  it('fails with "refused" when the signature is wrong (another secret key), and sends nothing', async () => {
    const before = standIn.messages.length
    const error = await deliveryFailure(tencentSmsSender({ ...settings, secretKey: 'not-the-secret-key' }), newPhone())
    expect(error.reason).toBe('refused')
    expect(error.message).toContain('AuthFailure.SignatureFailure')
    expect(error.message).not.toContain('not-the-secret-key')
    expect(standIn.messages).toHaveLength(before)
  })

  it('fails with "refused" for a clock more than 5 minutes off, and for an unknown SdkAppId', async () => {
    const skewed = tencentSmsSender(settings, { now: () => Date.now() - 10 * 60 * 1000 })
    expect((await deliveryFailure(skewed, newPhone())).message).toContain('AuthFailure.SignatureExpire')
    const otherApp = tencentSmsSender({ ...settings, sdkAppId: '1400999999' })
    expect((await deliveryFailure(otherApp, newPhone())).message).toContain('InvalidParameterValue.SdkAppIdNotExist')
  })

  it('fails with "unavailable" when the SMS service does not answer in time or cannot be reached', async () => {
    standIn.delay(1000)
    try {
      const error = await deliveryFailure(tencentSmsSender(settings, { timeoutMs: 100 }), newPhone())
      expect(error.reason).toBe('unavailable')
      expect(error.message).toContain('no answer within 100 ms')
    } finally {
      standIn.delay(0)
    }
    const unreachable = await deliveryFailure(tencentSmsSender({ ...settings, endpoint: `http://127.0.0.1:${await closedPort()}` }), newPhone())
    expect(unreachable.reason).toBe('unavailable')
    expect(unreachable.message).toContain('ECONNREFUSED')
  })
})

describe('POST /api/auth/phone/code with the Tencent sender', () => {
  // Swapped per test; the app's sender reads it on each request.
  let sender: CodeSender
  const { app } = useTestApp({ codeSender: { send: (phone, code) => sender.send(phone, code) } })

  const requestCode = (phone: string) => app.inject({ method: 'POST', url: '/api/auth/phone/code', payload: { phone }, remoteAddress: nextIp() })

  it('texts the code through the SMS service, and the parent signs in with it', async () => {
    sender = tencentSmsSender(settings)
    const phone = newPhone()
    expect((await requestCode(phone)).statusCode).toBe(200)
    const sms = standIn.messages.filter((m) => m.phone === `+86${phone}`)
    expect(sms).toHaveLength(1)
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone, code: sms[0]!.params[0] }, remoteAddress: nextIp() })
    expect(signIn.statusCode).toBe(200)
    expect(signIn.json().accessToken).toEqual(expect.any(String))
  })

  it('answers 502 with a Chinese message when the SMS service refuses the send, and lets the parent ask again at once', async () => {
    sender = tencentSmsSender({ ...settings, secretKey: 'not-the-secret-key' })
    const phone = newPhone()
    const response = await requestCode(phone)
    expect(response.statusCode).toBe(502)
    expect(response.json()).toMatchObject({ statusCode: 502, message: expect.stringMatching(/^验证码发送失败，请稍后再试/) })
    // Nothing reached the phone, so no "wait a minute": once the service works again the next request is sent.
    sender = tencentSmsSender(settings)
    expect((await requestCode(phone)).statusCode).toBe(200)
  })

  it('answers 503 with a Chinese message when the SMS service does not answer in time', async () => {
    sender = tencentSmsSender(settings, { timeoutMs: 100 })
    standIn.delay(1000)
    try {
      const response = await requestCode(newPhone())
      expect(response.statusCode).toBe(503)
      expect(response.json()).toMatchObject({ statusCode: 503, message: expect.stringMatching(/^短信服务暂时不可用，请稍后再试/) })
    } finally {
      standIn.delay(0)
    }
  })
})
